<?php
// Points the Hiwar plugin of the WordPress in argv[1] at the Hiwar of argv[2], signing with the
// key in the PEM file argv[3] (kid argv[4]) as issuer argv[5]: the browser journey's settings.
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
$settings = hiwar_settings();
$settings['url'] = $argv[2];
$settings['issuer'] = $argv[5];
$settings['ttl'] = 3600;
$pem = file_get_contents($argv[3]);
$rsa = openssl_pkey_get_details(openssl_pkey_get_private($pem))['rsa'];
$settings['keys'] = [['kid' => $argv[4], 'private' => $pem, 'n' => hiwar_b64url($rsa['n']), 'e' => hiwar_b64url($rsa['e']),
    'created' => time(), 'retired' => null]];
hiwar_save($settings);
