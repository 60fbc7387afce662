<?php
// The comment section of a post, replaced by Hiwar's widget. The article id is the post ID,
// as an import of the site's comments keys them.
defined('ABSPATH') || exit;
$hiwar_post = get_post();
?>
<section id="comments" class="comments-area hiwar">
  <div id="hiwar-comments"
       data-article-id="<?php echo esc_attr($hiwar_post->ID); ?>"
       data-article-url="<?php echo esc_url(get_permalink($hiwar_post)); ?>"
       data-article-title="<?php echo esc_attr(get_the_title($hiwar_post)); ?>"
       data-article-open="<?php echo comments_open($hiwar_post) ? 'true' : 'false'; ?>"
       data-lang="<?php echo esc_attr(str_starts_with(get_locale(), 'ar') ? 'ar' : 'en'); ?>"></div>
</section>
