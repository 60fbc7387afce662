<?php
// Settings → Hiwar: the service's address, the token's issuer and audience, roles, and the signing
// key (made on activation, rotated here; the JWKS keeps the old key until its tokens expire).
defined('ABSPATH') || exit;

add_action('admin_menu', function () {
    add_options_page('Hiwar', 'Hiwar', 'manage_options', 'hiwar', 'hiwar_settings_page');
});

add_action('admin_post_hiwar_save', function () {
    if (!current_user_can('manage_options')) {
        wp_die(esc_html__('Not allowed', 'hiwar'), 403);
    }
    check_admin_referer('hiwar_save');
    $s = hiwar_settings();
    $url = esc_url_raw(wp_unslash($_POST['url'] ?? ''));
    $s['url'] = $url && wp_http_validate_url($url) ? untrailingslashit($url) : '';
    $s['issuer'] = sanitize_text_field(wp_unslash($_POST['issuer'] ?? $s['issuer']));
    $s['audience'] = sanitize_text_field(wp_unslash($_POST['audience'] ?? $s['audience']));
    $s['ttl'] = max(60, min(86400, (int) ($_POST['ttl'] ?? $s['ttl'])));
    $s['trusted_after'] = max(0, (int) ($_POST['trusted_after'] ?? $s['trusted_after']));
    $roles = fn($field) => array_values(array_filter(array_map('sanitize_key', explode(',', wp_unslash($_POST[$field] ?? '')))));
    $s['moderator_roles'] = $roles('moderator_roles');
    $s['admin_roles'] = $roles('admin_roles');
    hiwar_save($s);
    if (!empty($_POST['rotate'])) {
        hiwar_rotate();
    }
    wp_safe_redirect(admin_url('options-general.php?page=hiwar&saved=1'));
    exit;
});

function hiwar_settings_page(): void {
    $s = hiwar_settings();
    $field = function ($name, $label, $value, $help = '') {
        printf('<tr><th><label for="hiwar-%1$s">%2$s</label></th><td><input class="regular-text" id="hiwar-%1$s" name="%1$s" value="%3$s"><p class="description">%4$s</p></td></tr>',
            esc_attr($name), esc_html($label), esc_attr($value), esc_html($help));
    };
    echo '<div class="wrap"><h1>Hiwar</h1>';
    if (!empty($_GET['saved'])) {
        echo '<div class="notice notice-success"><p>' . esc_html__('Saved.', 'hiwar') . '</p></div>';
    }
    echo '<form method="post" action="' . esc_url(admin_url('admin-post.php')) . '"><input type="hidden" name="action" value="hiwar_save">';
    wp_nonce_field('hiwar_save');
    echo '<table class="form-table">';
    $field('url', 'Hiwar address', $s['url'], 'e.g. https://comments.example — empty keeps WordPress comments');
    $field('issuer', 'Token issuer (iss)', $s['issuer'], 'Hiwar: MP_JWT_VERIFY_ISSUER');
    $field('audience', 'Token audience (aud)', $s['audience'], 'Hiwar: MP_JWT_VERIFY_AUDIENCES');
    $field('ttl', 'Token lifetime (seconds)', $s['ttl']);
    $field('moderator_roles', 'Roles that moderate', implode(',', (array) $s['moderator_roles']));
    $field('admin_roles', 'Roles that administer Hiwar', implode(',', (array) $s['admin_roles']));
    $field('trusted_after', 'Trusted after this many approved comments (0: nobody)', $s['trusted_after']);
    echo '</table><p>Public keys for Hiwar (MP_JWT_VERIFY_PUBLICKEY_LOCATION): <code>' . esc_html(rest_url('hiwar/v1/jwks')) . '</code></p>';
    echo '<p><label><input type="checkbox" name="rotate" value="1"> Sign with a new key from now on (the old one is kept until its tokens expire)</label></p>';
    submit_button();
    echo '</form></div>';
}
