package org.qingyuan.policy.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.policy.CalendarYear;
import org.qingyuan.policy.WorkingDays;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.WorkingDayCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The working-day calendar page: the announced years, the upload of a new year, a working-day calculator. */
@Controller
@RequestMapping("/calendar")
class CalendarPageController {

    private final WorkingDays workingDays;

    CalendarPageController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping
    String show(@RequestParam(value = "from", required = false) String from,
                @RequestParam(value = "days", required = false) Integer days, Model model) {
        model.addAttribute("years", workingDays.years());
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("days", days == null ? 5 : days);
        if (from != null && !from.isBlank() && days != null) {
            try {
                LocalDate start = RequestValues.date("from", from);
                if (days < 0 || days > 3650) {
                    throw new InvalidInputException("days", "工作日数应在 0 到 3650 之间");
                }
                WorkingDayCalendar calendar = workingDays.calendar();
                LocalDate date = calendar.plusWorkingDays(start, days);
                model.addAttribute("answer", date);
                model.addAttribute("covered", calendar.covers(start) && calendar.covers(date));
            } catch (InvalidInputException e) {
                model.addAttribute("calculationError", e.getMessage());
            }
        }
        return "policy/calendar";
    }

    @PostMapping("/years")
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Principal principal, Model model,
                  RedirectAttributes redirect) throws IOException {
        try {
            CalendarYear year = workingDays.upload(CalendarApiController.read(file), principal.getName());
            redirect.addFlashAttribute("message", "已导入 " + year.year() + " 年节假日安排：休息日 " + year.holidays() + " 天，调休上班 "
                    + year.adjustedWorkdays() + " 天");
            return "redirect:/calendar";
        } catch (InvalidInputException e) {
            model.addAttribute("uploadError", e.getMessage());
            return show(null, null, model);
        }
    }
}
