package com.hiwar.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only endpoint with no security annotation, to prove such endpoints are denied. */
@Path("/test-only/unannotated")
public class UnannotatedProbeResource {

    @GET
    public String leak() {
        return "this must never be served";
    }
}
