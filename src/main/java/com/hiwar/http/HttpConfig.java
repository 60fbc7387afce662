package com.hiwar.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.http")
public interface HttpConfig {

    /** Largest request body the API reads, in bytes. */
    @WithDefault("65536")
    long maxBodyBytes();

    /** Largest body of an admin upload (a word list import), in bytes. */
    @WithDefault("4194304")
    long maxAdminBodyBytes();

    /**
     * Largest export an admin may upload for import, in bytes. It is streamed to a temporary file,
     * never held in memory; {@code quarkus.http.limits.max-body-size} follows it.
     */
    @WithDefault("2147483648")
    long maxImportBytes();

    /**
     * Addresses or CIDR ranges of the reverse proxies in front of the service (load balancer,
     * ingress). Only their X-Forwarded-For is believed; empty means the socket peer is the client.
     */
    Optional<List<String>> trustedProxies();

    /**
     * The last part of {@code quarkus.shutdown.delay} in which a stopping instance already answers
     * new requests with 503 and Retry-After (clients and balancers that retry on 503 move on), so
     * that nobody is still sending when Quarkus finishes the requests in flight and closes the port.
     */
    @WithDefault("1s")
    java.time.Duration refuseBeforeClose();
}
