package org.qingyuan.policy.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.policy.CalendarYear;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The working-day calendar as JSON: its years, uploads of new years, working-day arithmetic. */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

    private final WorkingDays workingDays;

    CalendarApiController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping("/years")
    List<CalendarYear> years() {
        return workingDays.years();
    }

    /** A year's announcement as a JSON body (the shipped format). */
    @PostMapping(value = "/years", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarYear upload(@RequestBody String json, Principal principal) {
        return workingDays.upload(json, principal.getName());
    }

    /** A year's announcement as an uploaded file (form field {@code file}). */
    @PostMapping(value = "/years", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    CalendarYear uploadFile(@RequestParam("file") MultipartFile file, Principal principal) throws IOException {
        return workingDays.upload(read(file), principal.getName());
    }

    record WorkingDayAnswer(LocalDate from, int days, LocalDate date, boolean covered) {
    }

    /** The {@code days}-th working day after {@code from}; {@code covered} says whether announcements back it. */
    @GetMapping("/working-days")
    WorkingDayAnswer plus(@RequestParam("from") String from, @RequestParam("days") int days) {
        LocalDate start = RequestValues.date("from", from);
        if (start == null) {
            throw new InvalidInputException("from", "请填写起算日期");
        }
        if (days < 0 || days > 3650) {
            throw new InvalidInputException("days", "工作日数应在 0 到 3650 之间");
        }
        WorkingDayCalendar calendar = workingDays.calendar();
        LocalDate date = calendar.plusWorkingDays(start, days);
        return new WorkingDayAnswer(start, days, date, calendar.covers(start) && calendar.covers(date));
    }

    static String read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请选择要上传的节假日文件");
        }
        if (file.getSize() > 1_000_000) {
            throw new InvalidInputException("file", "文件过大（不应超过 1 MB）");
        }
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
