vcl 4.1;
# Varnish in front of Hiwar (Debian: apt-get install varnish varnish-modules). Anonymous pages
# are served from here for their max-age (2 s by default), then stale for their
# stale-while-revalidate (10 s) while one request refreshes them; Hiwar purges an article's pages
# the moment a change to it commits (HIWAR_COMMENTS_SHARED_CACHE_PURGE_URLS=http://varnish:6081/),
# by the surrogate key each page carries. Signed-in requests always go to Hiwar.
#   varnishd -a :6081 -f /etc/varnish/hiwar.vcl -s malloc,256m
# bench/varnish.sh measures a burst through it.
import std;
import xkey;

backend hiwar {
    .host = "127.0.0.1";
    .port = "8080";
    # Varnish waits 60 s for a first byte by default, and every reader of the page waits with it.
    # A page renders in milliseconds: give up soon and serve the stale copy (grace) instead.
    .connect_timeout = 1s;
    .first_byte_timeout = 5s;
    .between_bytes_timeout = 5s;
}

# Who may purge: the Hiwar instances. Widen to their addresses.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header required"));
        }
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }
    # A reader's own pages are private; Hiwar marks them so, and they never enter the cache.
    if (req.http.Authorization) {
        return (pass);
    }
    # The widget and the API set no cookies; other cookies would only split the cache.
    if (req.url ~ "^/api/") {
        unset req.http.Cookie;
    }
}

sub vcl_backend_response {
    # Index each page under its surrogate key (Surrogate-Key: article:<id>) for xkey.purge.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # stale-while-revalidate is how long a stale page may still be served while it refreshes.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control,
                ".*stale-while-revalidate=([0-9]+).*", "\1") + "s", 0s);
    }
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
