<?php
/**
 * Plugin Name: Hiwar comments
 * Description: Replaces WordPress comments with Hiwar: the widget in every post, sign-in with the site's own accounts (tokens this plugin signs), and Hiwar's counts in post lists. Deactivating it brings WordPress' own comments back; nothing in WordPress' tables is changed.
 * Version: 0.1.0
 * Requires PHP: 8.0
 * License: GPL-2.0-or-later
 * Text Domain: hiwar
 */

defined('ABSPATH') || exit;

const HIWAR_OPTION = 'hiwar_settings';

/** The settings with their defaults. */
function hiwar_settings(): array {
    return wp_parse_args(get_option(HIWAR_OPTION, []), [
        'url' => '',                       // Hiwar's address, e.g. https://comments.example
        'issuer' => home_url('/'),         // MP_JWT_VERIFY_ISSUER
        'audience' => 'hiwar',             // MP_JWT_VERIFY_AUDIENCES
        'subject_prefix' => 'wp:',         // HIWAR_IMPORTS_SUBJECT_PREFIX: imported comments stay their authors'
        'ttl' => 600,                      // token lifetime, seconds
        'moderator_roles' => ['editor'],
        'admin_roles' => ['administrator'],
        'trusted_after' => 5,              // approved WordPress comments that make a reader trusted; 0: nobody
        'keys' => [],
    ]);
}

function hiwar_save(array $settings): void {
    update_option(HIWAR_OPTION, $settings, false);
}

function hiwar_b64url(string $bytes): string {
    return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
}

/** A new RSA key pair (2048 bits, with openssl), its public half as a JWK. */
function hiwar_new_key(): array {
    $key = openssl_pkey_new(['private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA]);
    openssl_pkey_export($key, $pem);
    $rsa = openssl_pkey_get_details($key)['rsa'];
    return ['kid' => substr(hash('sha256', $rsa['n']), 0, 16), 'private' => $pem, 'n' => hiwar_b64url($rsa['n']),
            'e' => hiwar_b64url($rsa['e']), 'created' => time(), 'retired' => null];
}

/**
 * Signs with a new key from now on. The old one stays in the JWKS until every token it signed
 * has expired (its retirement plus the token lifetime), then goes.
 */
function hiwar_rotate(): void {
    $s = hiwar_settings();
    $now = time();
    foreach ($s['keys'] as &$k) {
        $k['retired'] = $k['retired'] ?? $now;
    }
    unset($k);
    $s['keys'] = array_values(array_filter($s['keys'], fn($k) => $k['retired'] + (int) $s['ttl'] + 60 > $now));
    $s['keys'][] = hiwar_new_key();
    hiwar_save($s);
}

/** The key tokens are signed with now. */
function hiwar_signing_key(): array {
    $s = hiwar_settings();
    foreach (array_reverse($s['keys']) as $k) {
        if (empty($k['retired'])) {
            return $k;
        }
    }
    hiwar_rotate();
    return hiwar_signing_key();
}

register_activation_hook(__FILE__, function () {
    if (!hiwar_settings()['keys']) {
        hiwar_rotate();
    }
});

/** Hiwar's groups for a WordPress user, by role. */
function hiwar_groups(WP_User $user): array {
    $s = hiwar_settings();
    $groups = [];
    if (array_intersect($user->roles, (array) $s['admin_roles'])) {
        $groups[] = 'admin';
    }
    if (array_intersect($user->roles, (array) $s['moderator_roles'])) {
        $groups[] = 'moderator';
    }
    return $groups;
}

/** A signed token (RS256) for the user: what Hiwar's sign-in reads. */
function hiwar_token(WP_User $user): array {
    $s = hiwar_settings();
    $trusted = (int) $s['trusted_after'] > 0
        && (int) get_comments(['user_id' => $user->ID, 'status' => 'approve', 'count' => true]) >= (int) $s['trusted_after'];
    return hiwar_sign($s['subject_prefix'] . $user->ID, $user->display_name, hiwar_groups($user), $trusted, (int) $s['ttl']);
}

function hiwar_sign(string $subject, string $name, array $groups, bool $trusted, int $ttl): array {
    $s = hiwar_settings();
    $key = hiwar_signing_key();
    $now = time();
    $claims = [
        'iss' => $s['issuer'], 'aud' => $s['audience'], 'sub' => $subject, 'name' => $name, 'groups' => $groups,
        'trusted' => $trusted, 'iat' => $now, 'exp' => $now + $ttl, 'jti' => wp_generate_uuid4(),
    ];
    $input = hiwar_b64url(wp_json_encode(['alg' => 'RS256', 'typ' => 'JWT', 'kid' => $key['kid']])) . '.'
        . hiwar_b64url(wp_json_encode($claims, JSON_UNESCAPED_UNICODE));
    openssl_sign($input, $signature, $key['private'], OPENSSL_ALGO_SHA256);
    return ['token' => $input . '.' . hiwar_b64url($signature), 'expiresAt' => $claims['exp']];
}

/**
 * What Hiwar should know of a post's commenting: whether it takes comments, and, when the site
 * closes comments on old posts (Settings → Discussion), when this one closes.
 */
function hiwar_article_state(WP_Post $post): array {
    $state = ['open' => $post->comment_status === 'open'];
    $days = (int) get_option('close_comments_days_old');
    if (get_option('close_comments_for_old_posts') && $days > 0 && $post->post_date_gmt !== '0000-00-00 00:00:00') {
        $state['closesAt'] = gmdate('Y-m-d\TH:i:s\Z', strtotime($post->post_date_gmt . ' UTC') + $days * DAY_IN_SECONDS);
    }
    return $state;
}

/**
 * Tells Hiwar whether a post takes comments, as WordPress has it now: a moderator's PUT (which
 * sets the article up if nobody has commented yet), signed for the person who changed it
 * (WordPress let them edit the post), or for the site itself when a scheduled retry runs. False
 * when Hiwar could not be told, to try again.
 */
function hiwar_sync_open(int $post_id): bool {
    $post = get_post($post_id);
    if (!$post || hiwar_url() === '') {
        return true;
    }
    $user = wp_get_current_user();
    $s = hiwar_settings();
    $token = $user->exists()
        ? hiwar_sign($s['subject_prefix'] . $user->ID, $user->display_name, ['moderator'], false, 60)
        : hiwar_sign($s['subject_prefix'] . 'site', get_bloginfo('name') ?: 'WordPress', ['moderator'], false, 60);
    $response = wp_remote_request(hiwar_url() . '/api/v1/moderation/articles/' . rawurlencode((string) $post->ID), [
        'method' => 'PUT',
        'timeout' => 5,
        'headers' => ['Authorization' => 'Bearer ' . $token['token'], 'Content-Type' => 'application/json'],
        'body' => wp_json_encode(hiwar_article_state($post)),
    ]);
    $code = is_wp_error($response) ? 0 : (int) wp_remote_retrieve_response_code($response);
    return $code === 200;
}

// "Allow comments" switched on a post (its Discussion box, Quick Edit or Bulk Edit), or its date
// moved while old posts close, switches the article in Hiwar too; so does a post going out, so
// Hiwar knows when it closes. If Hiwar cannot be reached, WordPress' cron tries again, backing off.
function hiwar_sync_or_retry(int $post_id): void {
    if (!wp_is_post_revision($post_id) && !hiwar_sync_open($post_id)) {
        wp_schedule_single_event(time() + 60, 'hiwar_sync_open_retry', [$post_id, 1]);
    }
}
add_action('post_updated', function ($post_id, $after, $before) {
    // A post going out is the transition's below; this is a published post changed.
    if ($before->post_status === 'publish' && $after->post_status === 'publish'
        && hiwar_article_state($after) !== hiwar_article_state($before)) {
        hiwar_sync_or_retry($post_id);
    }
}, 10, 3);
add_action('transition_post_status', function ($new, $old, $post) {
    if ($new === 'publish' && $old !== 'publish' && post_type_supports($post->post_type, 'comments')
        && (!comments_open($post) || isset(hiwar_article_state($post)['closesAt']))) {
        hiwar_sync_or_retry($post->ID);
    }
}, 10, 3);
// Closing comments on old posts switched on or changed (Settings → Discussion): every published
// post's closing time changes, so each is told again, 100 per cron run.
function hiwar_sync_all_later(): void {
    if (!wp_next_scheduled('hiwar_sync_all', [0])) {
        wp_schedule_single_event(time() + 5, 'hiwar_sync_all', [0]);
    }
}
add_action('update_option_close_comments_for_old_posts', 'hiwar_sync_all_later');
add_action('update_option_close_comments_days_old', 'hiwar_sync_all_later');
add_action('hiwar_sync_all', function ($offset) {
    $ids = get_posts(['post_type' => 'any', 'post_status' => 'publish', 'fields' => 'ids', 'posts_per_page' => 100,
        'offset' => (int) $offset, 'orderby' => 'ID', 'order' => 'ASC']);
    foreach ($ids as $id) {
        if (post_type_supports(get_post_type($id), 'comments')) {
            hiwar_sync_or_retry($id);
        }
    }
    if (count($ids) === 100) {
        wp_schedule_single_event(time() + 1, 'hiwar_sync_all', [(int) $offset + 100]);
    }
});
add_action('hiwar_sync_open_retry', function ($post_id, $attempt) {
    if (!hiwar_sync_open((int) $post_id) && $attempt < 8) {
        wp_schedule_single_event(time() + 60 * (2 ** $attempt), 'hiwar_sync_open_retry', [$post_id, $attempt + 1]);
    }
}, 10, 2);

add_action('rest_api_init', function () {
    // The public keys, for MP_JWT_VERIFY_PUBLICKEY_LOCATION.
    register_rest_route('hiwar/v1', '/jwks', [
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'callback' => function () {
            $keys = array_map(fn($k) => ['kty' => 'RSA', 'use' => 'sig', 'alg' => 'RS256', 'kid' => $k['kid'], 'n' => $k['n'], 'e' => $k['e']],
                hiwar_settings()['keys']);
            return new WP_REST_Response(['keys' => array_values($keys)], 200, ['Cache-Control' => 'public, max-age=300']);
        },
    ]);
    // A short-lived token for the signed-in user. WordPress' REST cookie sign-in needs the
    // wp_rest nonce (X-WP-Nonce) too, so another site cannot get one for a visitor.
    register_rest_route('hiwar/v1', '/token', [
        'methods' => 'POST',
        'permission_callback' => fn() => is_user_logged_in(),
        'callback' => function () {
            $response = new WP_REST_Response(hiwar_token(wp_get_current_user()));
            $response->header('Cache-Control', 'no-store');
            return $response;
        },
    ]);
});

/** Hiwar's address, without a trailing slash, or '' when not set: then WordPress' comments stay. */
function hiwar_url(): string {
    return rtrim((string) hiwar_settings()['url'], '/');
}

/** The widget's container for a post: the article id is the post ID, as an import of the site's comments keys them. */
function hiwar_container(WP_Post $post): string {
    return sprintf('<section id="comments" class="comments-area hiwar"><div id="hiwar-comments" data-article-id="%s" data-article-url="%s" data-article-title="%s" data-lang="%s"></div></section>',
        esc_attr($post->ID), esc_url(get_permalink($post)), esc_attr(get_the_title($post)),
        esc_attr(str_starts_with(get_locale(), 'ar') ? 'ar' : 'en'));
}

// The theme's comment section becomes the widget: a classic theme's comments template, and a
// block theme's Comments block (Twenty Twenty-Three and later).
add_filter('comments_template', function ($template) {
    return hiwar_url() === '' ? $template : __DIR__ . '/templates/comments.php';
}, 99);
add_filter('render_block_core/comments', function ($content) {
    return hiwar_url() === '' || !get_post() ? $content : hiwar_container(get_post());
}, 99);

// Comment counts in post lists and feeds come from Hiwar (count.js fills them in).
add_filter('comments_number', function ($text, $count) {
    if (hiwar_url() === '') {
        return $text;
    }
    return '<span class="hiwar-count" data-hiwar-count="' . esc_attr(get_the_ID()) . '">' . esc_html($text) . '</span>';
}, 99, 2);

add_action('wp_enqueue_scripts', function () {
    if (hiwar_url() === '') {
        return;
    }
    wp_enqueue_script('hiwar-count', hiwar_url() . '/count.js', [], null, true);
    if (is_singular() && post_type_supports(get_post_type(), 'comments')) {
        wp_enqueue_script('hiwar-wordpress', plugins_url('hiwar.js', __FILE__), [], '0.1.0', true);
        wp_enqueue_script('hiwar-embed', hiwar_url() . '/embed.js', ['hiwar-wordpress'], null, true);
        // Before embed.js runs: this page mounts the widget itself, with the site's sign-in.
        wp_add_inline_script('hiwar-embed', 'window.HiwarConfig = Object.assign({}, window.HiwarConfig, { manual: true });', 'before');
        wp_localize_script('hiwar-wordpress', 'HiwarWordPress', [
            'tokenUrl' => esc_url_raw(rest_url('hiwar/v1/token')),
            'nonce' => is_user_logged_in() ? wp_create_nonce('wp_rest') : null,
            'loginUrl' => wp_login_url(get_permalink()),
        ]);
    }
});

require_once __DIR__ . '/admin.php';
