package org.qingyuan.statistics.web;

import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.statistics.LedgerStatistics;
import org.qingyuan.statistics.PeriodState;
import org.qingyuan.statistics.Periodicity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each enterprise's history by period: the page fragment on its history tab and
 * {@code GET /api/v1/statistics/enterprises/{id}/periods?every=month|quarter&count=} (at most 36 periods).
 */
@Controller
class PeriodStripController {

    private final LedgerStatistics statistics;

    PeriodStripController(LedgerStatistics statistics) {
        this.statistics = statistics;
    }

    record StripJson(long enterpriseId, String every, List<PeriodState> periods) {
    }

    @GetMapping("/statistics/enterprises/{id}/periods")
    String fragment(@PathVariable long id, @RequestParam(required = false) String every,
                    @RequestParam(required = false) String count, Model model) {
        Periodicity periodicity = Periodicity.of(every);
        model.addAttribute("id", id);
        model.addAttribute("every", periodicity);
        model.addAttribute("periods", strip(id, periodicity, count));
        return "statistics/periods :: strip";
    }

    @GetMapping("/api/v1/statistics/enterprises/{id}/periods")
    @ResponseBody
    StripJson api(@PathVariable long id, @RequestParam(required = false) String every, @RequestParam(required = false) String count) {
        Periodicity periodicity = Periodicity.of(every);
        return new StripJson(id, periodicity.name().toLowerCase(java.util.Locale.ROOT), strip(id, periodicity, count));
    }

    private List<PeriodState> strip(long id, Periodicity every, String count) {
        int n = Math.min(36, Math.max(1, RequestValues.nonNegative("count", count, every == Periodicity.MONTH ? 12 : 8)));
        return statistics.strip(CurrentUsers.require().scope(), id, every, n);
    }
}
