package com.hiwar.problem;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Services throw it; {@link ProblemMapper} renders it.
 * {@code slug} names the problem type, so clients can branch on it without parsing text.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail,
                            List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", what + " " + id + " does not exist");
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "validation", "Invalid request", message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    /** 400 for a query parameter out of range or malformed. */
    public static ProblemException badParameter(String name, String message) {
        return new ProblemException(400, "bad-parameter", "Invalid query parameter", name + " " + message,
                List.of(new Problem.FieldError(name, message)), Map.of());
    }

    /** The problem body this exception stands for, e.g. for one item of a bulk answer. */
    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), instance, errors);
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(403, slug, title, detail);
    }

    public int status() { return status; }
    public String slug() { return slug; }
    public String title() { return title; }
    public List<Problem.FieldError> errors() { return errors; }
    public Map<String, String> headers() { return headers; }
}
