package com.hiwar.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The publisher's own hosts: the only ones an article URL may point at. */
@ApplicationScoped
class ArticleHosts {

    private final Set<String> hosts;

    @Inject
    ArticleHosts(ArticleConfig config, @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        List<String> named = config.allowedHosts().orElseGet(() -> origins.orElse(List.of()).stream()
                .map(ArticleHosts::hostOf).filter(h -> h != null).toList());
        hosts = named.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether an absolute http(s) URL is on one of the publisher's hosts. */
    public boolean allows(String url) {
        String host = hostOf(url);
        return host != null && hosts.contains(host);
    }

    Set<String> hosts() {
        return hosts;
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                return null; // also regex origins such as /.*/
            }
            return uri.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
