<?php
// A classic theme's comment section, replaced by Hiwar's widget.
defined('ABSPATH') || exit;
echo hiwar_container(get_post()); // escaped inside
