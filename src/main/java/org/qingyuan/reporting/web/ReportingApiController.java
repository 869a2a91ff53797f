package org.qingyuan.reporting.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.reporting.Submissions;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The submissions as JSON under {@code /api/v1/reports/submissions}: the list ({@code ?period=&report=}), one with its
 * files, and the commands {@code prepare}, {@code summary} (PUT), {@code scan} (multipart {@code file}),
 * {@code submit}, {@code receive}, {@code return} ({@code reason}), {@code correction}; each command carries the
 * {@code version} it was shown.
 */
@RestController
@RequestMapping("/api/v1/reports/submissions")
class ReportingApiController {

    private final Submissions submissions;

    ReportingApiController(Submissions submissions) {
        this.submissions = submissions;
    }

    record Command(Integer version, String summary, String reason) {
    }

    @GetMapping
    List<SubmissionJson> list(@RequestParam Map<String, String> p) {
        return submissions.list(CurrentUsers.require(), p.get("period"), p.get("report")).stream().map(SubmissionJson::of).toList();
    }

    @GetMapping("/{id}")
    SubmissionJson get(@PathVariable long id) {
        return SubmissionJson.of(submissions.get(CurrentUsers.require(), id));
    }

    @GetMapping("/{id}/chain")
    List<SubmissionJson> chain(@PathVariable long id) {
        return submissions.chain(CurrentUsers.require(), id).stream().map(SubmissionJson::of).toList();
    }

    @PostMapping("/{id}/prepare")
    SubmissionJson prepare(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.prepare(CurrentUsers.require(), id, version(c)));
    }

    @PutMapping("/{id}/summary")
    SubmissionJson summary(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.writeSummary(CurrentUsers.require(), id, version(c), c.summary()));
    }

    @PostMapping("/{id}/scan")
    SubmissionJson scan(@PathVariable long id, @RequestParam("file") MultipartFile file, @RequestParam("version") String version)
            throws IOException {
        return SubmissionJson.of(submissions.attachScan(CurrentUsers.require(), id, versionOf(version),
                file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping("/{id}/submit")
    SubmissionJson submit(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.submit(CurrentUsers.require(), id, version(c)));
    }

    @PostMapping("/{id}/receive")
    SubmissionJson receive(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.receive(CurrentUsers.require(), id, version(c)));
    }

    @PostMapping("/{id}/return")
    SubmissionJson returnWith(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.returnWith(CurrentUsers.require(), id, version(c), c.reason()));
    }

    @PostMapping("/{id}/correction")
    SubmissionJson correct(@PathVariable long id, @RequestBody Command c) {
        return SubmissionJson.of(submissions.correct(CurrentUsers.require(), id, version(c)));
    }

    @GetMapping("/{id}/files/{part}")
    void file(@PathVariable long id, @PathVariable String part, HttpServletResponse response) throws IOException {
        Downloads.send(submissions.file(CurrentUsers.require(), id, part), response);
    }

    private static int version(Command c) {
        if (c == null || c.version() == null) {
            throw new InvalidInputException("version", "请提供打开时的版本号 version，以防覆盖他人的修改");
        }
        return c.version();
    }

    static int versionOf(String raw) {
        try {
            return Integer.parseInt(raw.strip());
        } catch (RuntimeException e) {
            throw new InvalidInputException("version", "版本号 version 应为整数");
        }
    }
}
