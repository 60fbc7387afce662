<?php
// Activates the Hiwar plugin in the WordPress of argv[1] and writes, to argv[2]/plugin.json, what
// its endpoints answer through WordPress' own REST server: the JWKS, tokens for a subscriber, an
// editor and the administrator (before and after a key rotation), and the token endpoint's answer
// to a visitor who is not signed in.
//   php plugin.php WORDPRESS_DIR OUT_DIR
$_SERVER['HTTP_HOST'] = 'news.example';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$activated = activate_plugin('hiwar/hiwar.php');
if (is_wp_error($activated)) {
    fwrite(STDERR, $activated->get_error_message() . "\n");
    exit(1);
}
$settings = hiwar_settings();
$settings['url'] = 'http://127.0.0.1:9';
$settings['issuer'] = 'https://' . preg_replace('#^https?://#', '', home_url());
hiwar_save($settings);

function call(string $method, string $route): array {
    $response = rest_do_request(new WP_REST_Request($method, $route));
    return ['status' => $response->get_status(), 'body' => $response->get_data(), 'headers' => $response->get_headers()];
}
function as_user(string $login): array {
    wp_set_current_user(get_user_by('login', $login)->ID);
    $answer = call('POST', '/hiwar/v1/token');
    wp_set_current_user(0);
    return $answer;
}

$out = ['issuer' => $settings['issuer'], 'audience' => $settings['audience'], 'users' => []];
foreach (['mona', 'editor', 'admin'] as $login) {
    $out['users'][$login] = get_user_by('login', $login)->ID;
}
wp_set_current_user(0);
$out['anonymous'] = call('POST', '/hiwar/v1/token')['status'];
$out['jwksBefore'] = call('GET', '/hiwar/v1/jwks');
$out['readerBefore'] = as_user('mona')['body']['token'];
hiwar_rotate();
$out['jwksAfter'] = call('GET', '/hiwar/v1/jwks');
$out['reader'] = as_user('mona');
$out['editor'] = as_user('editor')['body']['token'];
$out['admin'] = as_user('admin')['body']['token'];
// The theme's comment section is the widget's container.
$out['commentsTemplate'] = apply_filters('comments_template', 'theme/comments.php');
file_put_contents($argv[2] . '/plugin.json', wp_json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES));
