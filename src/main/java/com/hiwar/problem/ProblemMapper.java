package com.hiwar.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.CharConversionException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become {@code application/problem+json}.
 * Anything not matched here is a bug: it is logged with an id and answered with a bare 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.slug(), e.title(), e.getMessage(), e.errors(), e.headers(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(400, "validation", "Invalid request", detail, errors, Map.of(), uri);
    }

    @ServerExceptionMapper(value = {JsonProcessingException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, CharConversionException.class}, priority = Priorities.USER - 100)
    public Response unreadableJson(Exception e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = u.getPropertyName();
            return respond(400, "unknown-field", "Unknown field", "Field '" + field + "' is not accepted here",
                    List.of(new Problem.FieldError(field, "unknown field")), Map.of(), uri);
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return respond(400, "malformed-json", "Malformed JSON", "Field '" + field + "' has the wrong type or shape",
                    List.of(new Problem.FieldError(field, "wrong type")), Map.of(), uri);
        }
        Throwable cause = e;
        while (cause.getCause() instanceof JsonProcessingException || cause.getCause() instanceof CharConversionException) {
            cause = cause.getCause();
        }
        // Jackson's message quotes the offending input; keep only its first line.
        String detail = cause.getMessage() == null ? "The body is not valid UTF-8 JSON"
                : cause.getMessage().lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "?");
        return respond(400, "malformed-json", "Malformed JSON", detail, List.of(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(401, "invalid-token", "Invalid token",
                "The bearer token was rejected: bad signature, algorithm, issuer, audience or time claims",
                List.of(), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(401, "unauthenticated", "Sign-in required",
                "This request needs a bearer token in the Authorization header",
                List.of(), Map.of("WWW-Authenticate", "Bearer"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your account may not do this", List.of(), Map.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response stale(Exception e, UriInfo uri) {
        return respond(409, "stale-version", "Stale version",
                "Someone changed this item since you read it; reload and try again", List.of(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException || e.getCause() instanceof CharConversionException) {
            return unreadableJson((Exception) e.getCause(), uri);
        }
        return forStatus(e.getResponse().getStatus(), uri);
    }

    /** A problem from a bare status, for failures that carry nothing more specific. */
    static Response forStatus(int status, UriInfo uri) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail = switch (status) {
            case 400 -> "The request could not be read: check that the body is well-formed UTF-8 JSON";
            case 404 -> "No such resource: " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "This resource answers in application/json only";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        String slug = status == 400 ? "malformed-request" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return respond(status, slug, title, detail, List.of(), Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (clientWentAway(e)) {
            // The client hung up while its body was being read: nothing failed on our side.
            LOG.debugf("Client closed the connection on %s", uri.getPath());
            return respond(400, "client-closed", "Connection closed", "The connection closed before the request was read",
                    List.of(), Map.of(), uri);
        }
        if (databaseUnavailable(e)) {
            // A failover or an outage, not a bug: the client may retry (writes carry Idempotency-Key).
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), rootMessage(e));
            return respond(503, "database-unavailable", "Database unavailable",
                    "The database cannot be reached right now (failover or outage); retry shortly", List.of(),
                    Map.of("Retry-After", "2"), uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s on %s", id, uri.getPath());
        return respond(500, "internal", "Internal error", "Something failed on our side (error id " + id + ")",
                List.of(), Map.of(), uri);
    }

    /**
     * Whether the failure is the database being out of reach: a connection error (SQLState class
     * 08), a server shutting down or starting (57P01 to 57P03), a write reaching a server that is a
     * standby now (25006), or no pooled connection to be had in time.
     */
    static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    // A commit that failed on a dead connection arrives as a RollbackException with the driver's
    // error among its suppressed exceptions (Narayana's XAException), not as its cause.
    private static boolean databaseUnavailable(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("25006"))) {
                return true;
            }
            if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) { // Agroal's pool
                return true;
            }
        }
        if (t instanceof javax.transaction.xa.XAException xa && xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL) {
            return true; // the resource manager (the database) is unavailable
        }
        for (Throwable s : t.getSuppressed()) {
            if (databaseUnavailable(s, depth + 1)) {
                return true;
            }
        }
        return databaseUnavailable(t.getCause(), depth + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.toString();
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    static Response respond(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, String> headers, UriInfo uri) {
        Problem body = new Problem(Problem.TYPE_BASE + slug, title, status, detail,
                uri == null ? null : uri.getPath(), errors);
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(r::header);
        return r.build();
    }


    private static String fieldName(ConstraintViolation<?> v) {
        String name = null;
        for (Path.Node node : v.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "body" : name;
    }
}
