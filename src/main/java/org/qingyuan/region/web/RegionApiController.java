package org.qingyuan.region.web;

import java.util.List;

import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The division tree as JSON. */
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final Divisions divisions;

    RegionApiController(Divisions divisions) {
        this.divisions = divisions;
    }

    /** One division with its path from the province. */
    @GetMapping("/{code}")
    DivisionDetail division(@PathVariable String code) {
        DivisionCode divisionCode = InvalidInputException.divisionCode("code", code);
        var division = divisions.get(divisionCode);
        return new DivisionDetail(DivisionView.of(division), divisions.fullName(divisionCode),
                divisions.path(divisionCode).stream().map(DivisionView::of).toList());
    }

    @GetMapping("/{code}/children")
    List<DivisionView> children(@PathVariable String code) {
        DivisionCode divisionCode = InvalidInputException.divisionCode("code", code);
        divisions.get(divisionCode);
        return divisions.children(divisionCode).stream().map(DivisionView::of).toList();
    }

    /** Search by name, optionally inside one division. */
    @GetMapping
    List<DivisionView> search(@RequestParam("q") String query, @RequestParam(value = "within", required = false) String within,
                              @RequestParam(value = "limit", defaultValue = "50") int limit) {
        if (query.isBlank()) {
            throw new InvalidInputException("q", "请输入要查找的区划名称");
        }
        DivisionCode scope = within == null || within.isBlank() ? null : InvalidInputException.divisionCode("within", within);
        return divisions.search(query, scope, Math.max(1, Math.min(limit, 200))).stream().map(DivisionView::of).toList();
    }

    record DivisionDetail(DivisionView division, String fullName, List<DivisionView> path) {
    }
}
