package org.qingyuan.shell.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Business errors: the API answers RFC 9457 problem details with a Chinese {@code detail}
 * (and, for invalid input, the offending {@code field} and an {@code errors} list of
 * {@code {field, message}}); pages show the shell's error page with the same reason.
 */
@ControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

    /** Request attribute with the Chinese reason of a page's request error, shown by the error page. */
    static final String PAGE_ERROR_MESSAGE = "qingyuan.pageErrorMessage";

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), null, request);
    }

    /** A file upload route called without a multipart body (a JSON or form body): the caller's mistake, not a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    Object notMultipart(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, "此处需以 multipart/form-data 方式上传文件", null, request);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalid(InvalidInputException e, HttpServletRequest request) {
        List<FieldError> errors = e instanceof ValidationException v ? v.errors()
                : e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        Object answer = answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), request);
        if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("errors", errors);
        }
        return answer;
    }

    /** Bean Validation failures of a request body: the same {@code errors} list as the business rules give. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        problem.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage())).toList());
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * Spring MVC's own request errors (a malformed id in a page's address, a missing parameter): pages show the
     * shell's error page instead of problem JSON; the API keeps the problem details.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web && !isApi(web.getRequest()) && web.getResponse() != null
                && !web.getResponse().isCommitted()) {
            String detail = body instanceof ProblemDetail problem ? problem.getDetail() : null;
            web.getRequest().setAttribute(PAGE_ERROR_MESSAGE, detail);
            try {
                web.getResponse().sendError(statusCode.value());
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(JsonTextAdvice.PayloadTooLargeException.class)
    Object tooLarge(JsonTextAdvice.PayloadTooLargeException e, HttpServletRequest request) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null, request);
    }

    /** A body that passed the size limit while a converter read it (one sent without a length) is a 413, not a 400. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestLimitsFilter.BodyTooLargeException tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        Object answer = answer(HttpStatus.CONFLICT, e.getMessage(), null, request);
        if (answer instanceof ResponseEntity<?> entity && entity.getBody() instanceof ProblemDetail problem) {
            e.properties().forEach(problem::setProperty);
        }
        return answer;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Object answer(HttpStatus status, String detail, String field, HttpServletRequest request) {
        if (!isApi(request)) {
            return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(),
                    "message", detail, "path", request.getRequestURI()), status);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
