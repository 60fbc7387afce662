<?php
// Installs the WordPress in argv[1], writes posts, users and comments through WordPress' own
// functions (threads, held, spam, trash, a pingback, a registered reader and guests), exports the
// site with WordPress' own exporter, and dumps every comment as its database has it.
//   php content.php WORDPRESS_DIR OUT_DIR FIRST_POST_ID
$_SERVER['HTTP_HOST'] = 'news.example';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

$installed = wp_install('جريدة الاختبار', 'admin', 'admin@news.example', true, '', 'admin-password-1');
wp_set_current_user($installed['user_id']);
update_option('thread_comments', 1);
update_option('thread_comments_depth', 10);

$editor = wp_insert_user(['user_login' => 'editor', 'user_pass' => 'editor-password-1', 'user_email' => 'editor@news.example',
    'display_name' => 'المحرر', 'role' => 'editor']);
$mona = wp_insert_user(['user_login' => 'mona', 'user_pass' => 'mona-password-1', 'user_email' => 'mona@reader.example',
    'display_name' => 'منى', 'role' => 'subscriber']);

$museum = wp_insert_post(['import_id' => (int) $argv[3], 'post_title' => 'افتتاح المتحف الكبير', 'post_content' => '<p>نص الخبر</p>', 'post_status' => 'publish',
    'post_author' => $editor, 'post_date_gmt' => '2026-11-30 08:00:00', 'post_date' => '2026-11-30 10:00:00']);
$debate = wp_insert_post(['import_id' => (int) $argv[3] + 1, 'post_title' => 'نقاش طويل', 'post_content' => '<p>نص</p>', 'post_status' => 'publish',
    'post_author' => $editor, 'comment_status' => 'closed', 'post_date_gmt' => '2026-11-30 09:00:00', 'post_date' => '2026-11-30 11:00:00']);
add_post_meta($museum, 'desk', 'culture'); // a custom field: the export then shows how WordPress writes post meta

function comment($post, $fields) {
    static $minute = 0;
    $minute++;
    return wp_insert_comment(array_merge([
        'comment_post_ID' => $post,
        'comment_date' => sprintf('2026-11-30 12:%02d:00', $minute),
        'comment_date_gmt' => sprintf('2026-11-30 10:%02d:00', $minute),
        'comment_approved' => 1,
        'comment_type' => 'comment',
        'comment_author_IP' => '203.0.113.7',
        'comment_agent' => 'Mozilla/5.0 (test)',
    ], $fields));
}

$guest = comment($museum, ['comment_author' => 'زائر كريم', 'comment_author_email' => 'guest.secret@mail.example',
    'comment_author_url' => 'https://guest.example', 'comment_content' => "خبر رائع، شكرًا <strong>للفريق</strong> &amp; المحررين\nسطر ثانٍ"]);
comment($museum, ['comment_author' => 'منى', 'comment_author_email' => 'mona@reader.example', 'user_id' => $mona,
    'comment_parent' => $guest, 'comment_content' => 'أوافقك الرأي تمامًا']);
comment($museum, ['comment_author' => 'قارئ ينتظر', 'comment_author_email' => 'waiting@mail.example', 'comment_approved' => 0,
    'comment_content' => 'تعليق ينتظر المراجعة']);
comment($museum, ['comment_author' => 'cheap pills', 'comment_author_email' => 'spam@spam.example', 'comment_approved' => 'spam',
    'comment_content' => 'buy cheap pills <a href="https://spam.example">here</a>']);
comment($museum, ['comment_author' => 'نادم', 'comment_author_email' => 'sorry@mail.example', 'comment_approved' => 'trash',
    'comment_content' => 'تعليق في سلة المهملات']);
comment($museum, ['comment_author' => 'Another Blog', 'comment_author_url' => 'https://blog.example/post', 'comment_type' => 'pingback',
    'comment_content' => '[&#8230;] linked to this story [&#8230;]']);
// A thread ten replies deep, as deep as WordPress allows.
$parent = 0;
for ($i = 1; $i <= 10; $i++) {
    $parent = comment($debate, ['comment_author' => 'محاور ' . $i, 'comment_author_email' => "talker$i@mail.example",
        'comment_parent' => $parent, 'comment_content' => 'رد على مستوى ' . $i]);
}

ob_start();
export_wp(['content' => 'all']);
file_put_contents($argv[2] . '/export.xml', ob_get_clean());

global $wpdb;
$rows = $wpdb->get_results("select comment_ID, comment_post_ID, comment_parent, comment_author, user_id, comment_approved,
    comment_content, comment_date_gmt, comment_type from {$wpdb->comments} order by comment_ID", ARRAY_A);
file_put_contents($argv[2] . '/comments.json', json_encode(['site' => preg_replace('#^https?://#', '', home_url()), 'posts' => ['museum' => $museum, 'debate' => $debate],
    'users' => ['mona' => $mona], 'permalinks' => ['museum' => get_permalink($museum)], 'comments' => $rows], JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT));
fwrite(STDERR, "WordPress " . get_bloginfo('version') . ": " . count($rows) . " comments exported\n");
