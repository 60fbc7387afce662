<?php
// In the WordPress of argv[1] (a site.sh site being served), user argv[2] switches "Allow
// comments" of post argv[3] to argv[4] (open or closed) as the editor's Discussion box does
// (wp_update_post). Options after that:
//   unreachable  the plugin points at a closed port first (its URL is put back after)
//   old-after=N  the site closes comments on posts older than N days (Settings → Discussion) first
//   cron         runs what the plugin scheduled (what WordPress' cron would run): the retry, and
//                the sync of every post that a change of that setting schedules
// Prints what happened as JSON: the post's state, and the retry scheduled, if any.
//   php comments-open.php WORDPRESS_DIR LOGIN POST_ID open|closed [unreachable] [cron]
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
[$login, $post_id, $state] = [$argv[2], (int) $argv[3], $argv[4]];
$options = array_slice($argv, 5);
foreach ($options as $option) {
    if (str_starts_with($option, 'old-after=')) {
        update_option('close_comments_for_old_posts', 1);
        update_option('close_comments_days_old', (int) substr($option, strlen('old-after=')));
    }
}
wp_set_current_user(get_user_by('login', $login)->ID);
$settings = hiwar_settings();
$url = $settings['url'];
if (in_array('unreachable', $options, true)) {
    hiwar_save(array_merge($settings, ['url' => 'http://127.0.0.1:9']));
}
$updated = wp_update_post(['ID' => $post_id, 'comment_status' => $state], true);
if (is_wp_error($updated)) {
    fwrite(STDERR, $updated->get_error_message() . "\n");
    exit(1);
}
hiwar_save(array_merge(hiwar_settings(), ['url' => $url]));
$retry = wp_next_scheduled('hiwar_sync_open_retry', [$post_id, 1]);
$out = ['post' => $post_id, 'comment_status' => get_post($post_id)->comment_status, 'retryScheduled' => $retry !== false];
if ($retry !== false && in_array('cron', $options, true)) {
    wp_unschedule_event($retry, 'hiwar_sync_open_retry', [$post_id, 1]);
    wp_set_current_user(0); // cron runs as nobody: the plugin signs as the site
    do_action('hiwar_sync_open_retry', $post_id, 1);
    $out['retried'] = true;
    $out['retryAgain'] = wp_next_scheduled('hiwar_sync_open_retry', [$post_id, 2]) !== false;
}
$all = wp_next_scheduled('hiwar_sync_all', [0]);
$out['syncAllScheduled'] = $all !== false;
if ($all !== false && in_array('cron', $options, true)) {
    wp_unschedule_event($all, 'hiwar_sync_all', [0]);
    wp_set_current_user(0);
    do_action('hiwar_sync_all', 0);
}
echo wp_json_encode($out), "\n";
