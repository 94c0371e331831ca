package com.novabilling.adapter.in.rest.error;

import com.novabilling.domain.shared.Text;
import com.novabilling.domain.shared.Violation;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.util.List;
import java.util.Locale;

/** Builds the problem responses: the one place that decides what an error looks like on the wire. */
public final class Problems {

    public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";
    public static final MediaType APPLICATION_PROBLEM_JSON_TYPE = MediaType.of(APPLICATION_PROBLEM_JSON);

    private Problems() {
    }

    public static Problem problem(ErrorCode code, String detail, String requestId) {
        return problem(code.status().getCode(), code.code(), code.title(), detail, requestId, null);
    }

    /** At most this many characters of a field name are shown; longer ones end in "...". */
    static final int MAX_SHOWN_FIELD = 128;

    public static Problem validation(List<Violation> violations, String requestId) {
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(shownField(v.field()), v.message()))
                .toList();
        String detail = errors.size() == 1
                ? "The request has 1 invalid field; see errors."
                : "The request has " + errors.size() + " invalid fields; see errors.";
        ErrorCode code = ErrorCode.VALIDATION_FAILED;
        return problem(code.status().getCode(), code.code(), code.title(), detail, requestId, errors);
    }

    public static Problem problem(int status, String code, String title, String detail, String requestId,
            List<Problem.FieldError> errors) {
        return new Problem(Problem.TYPE_BASE + code, title, status, detail, code, requestId, errors);
    }

    /** A response carrying {@code problem}, with its status and {@code application/problem+json}. */
    public static MutableHttpResponse<Problem> response(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .body(problem)
                .contentType(APPLICATION_PROBLEM_JSON_TYPE);
    }

    /**
     * A field name as the caller sees it in {@code errors[].field}. Field names can hold the caller's own text
     * (a metadata key, an unknown field), so control characters, line separators and unpaired surrogates become
     * {@code ?} and more than {@value #MAX_SHOWN_FIELD} characters are cut, never splitting a character.
     */
    static String shownField(String field) {
        return shown(field, MAX_SHOWN_FIELD);
    }

    /**
     * {@code text} (the caller's own: a field name, a metadata key) as it may appear in an answer: control
     * characters, line separators and unpaired surrogates become {@code ?}, and past {@code max} characters it
     * is cut with "...", never splitting a character.
     */
    public static String shown(String text, int max) {
        return Text.shown(text, max);
    }

    /** {@code customer_email_taken} -> {@code Customer email taken}: a title for a code without its own. */
    static String titleOf(String code) {
        String words = code.replace('_', ' ');
        return words.isEmpty() ? "Error" : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** {@code Request Header Fields Too Large} -> {@code request_header_fields_too_large}. */
    static String codeOf(HttpStatus status) {
        return status.getReason().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }
}
