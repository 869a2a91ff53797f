package org.qingyuan.patrol.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.patrol.CheckIn;
import org.qingyuan.patrol.Finding;
import org.qingyuan.patrol.Patrol;
import org.qingyuan.patrol.PatrolKind;
import org.qingyuan.patrol.internal.DailyList;
import org.qingyuan.patrol.internal.NightRota;
import org.qingyuan.patrol.internal.PatrolService;
import org.qingyuan.patrol.internal.RotaEntry;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Patrols as JSON under {@code /api/v1/patrols}: start ({@code kind} DAY with {@code gridId}, or NIGHT with
 * {@code rotaId} or {@code divisionCode}, {@code leader}, {@code participants}), end (with {@code version}), check-ins
 * (multipart: {@code enterpriseId}, {@code latitude}, {@code longitude}, {@code accuracy}, {@code finding}, {@code note},
 * {@code photos}), the arrival of enforcement at a held scene, the caller's list for today and the night rota.
 */
@RestController
@RequestMapping("/api/v1/patrols")
class PatrolApiController {

    private final PatrolService patrols;
    private final DailyList daily;
    private final NightRota rota;

    PatrolApiController(PatrolService patrols, DailyList daily, NightRota rota) {
        this.patrols = patrols;
        this.daily = daily;
        this.rota = rota;
    }

    record PatrolJson(long id, String kind, String kindName, String divisionCode, Long gridId, Long rotaId, String leader,
                      List<String> participants, Instant startedAt, Instant endedAt, String startedBy, int version,
                      List<CheckIn> checkIns) {
        static PatrolJson of(Patrol p, List<CheckIn> checkIns) {
            return new PatrolJson(p.id(), p.kind().name(), p.kind().label(), p.divisionCode(), p.gridId(), p.rotaId(), p.leader(),
                    p.participants(), p.startedAt(), p.endedAt(), p.startedBy(), p.version(), checkIns);
        }
    }

    record StartBody(String kind, Long gridId, String divisionCode, Long rotaId, String leader, List<String> participants) {
    }

    record VersionBody(Integer version, String note) {
    }

    record RotaBody(String townCode, String night, String leader, List<String> members, String note, Integer version) {
    }

    @GetMapping
    List<PatrolJson> recent(@RequestParam(defaultValue = "7") int days) {
        CurrentUser user = CurrentUsers.require();
        return patrols.recent(user, Math.max(1, Math.min(days, 92))).stream().map(p -> PatrolJson.of(p, null)).toList();
    }

    @GetMapping("/today")
    List<DailyList.GridList> today() {
        return daily.today(CurrentUsers.require());
    }

    @GetMapping("/{id}")
    PatrolJson get(@PathVariable long id) {
        CurrentUser user = CurrentUsers.require();
        return PatrolJson.of(patrols.get(id, user), patrols.checkIns(id, user));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PatrolJson start(@RequestBody StartBody body) {
        PatrolKind kind = RequestValues.enumOf(PatrolKind.class, "kind", body.kind());
        Patrol p = patrols.start(CurrentUsers.require(), new PatrolService.StartCommand(kind, body.gridId(), body.divisionCode(),
                body.rotaId(), body.leader(), body.participants()));
        return PatrolJson.of(p, List.of());
    }

    @PostMapping("/{id}/end")
    PatrolJson end(@PathVariable long id, @RequestBody VersionBody body) {
        return PatrolJson.of(patrols.end(CurrentUsers.require(), id, version(body.version())), null);
    }

    @PostMapping("/{id}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    CheckIn checkIn(@PathVariable long id, @RequestParam(required = false) String enterpriseId,
                    @RequestParam(required = false) String latitude, @RequestParam(required = false) String longitude,
                    @RequestParam(required = false) String accuracy, @RequestParam(required = false) String finding,
                    @RequestParam(required = false) String note,
                    @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                    @RequestParam(required = false) String clientKey, @RequestParam(required = false) String takenAt) {
        PatrolService.CheckInCommand c = command(enterpriseId, latitude, longitude, accuracy, finding, note, photos);
        return patrols.checkIn(CurrentUsers.require(), id, new PatrolService.CheckInCommand(c.enterpriseId(), c.latitude(), c.longitude(),
                c.accuracyM(), c.finding(), c.note(), c.photos(), RequestValues.blank(clientKey) ? null : clientKey.strip(), instant(takenAt)));
    }

    /** An ISO-8601 instant ({@code 2026-12-05T01:30:00Z}, or with an offset), or null. */
    private static Instant instant(String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return Instant.parse(raw.strip());
            } catch (java.time.format.DateTimeParseException again) {
                throw new InvalidInputException("takenAt", "打卡时间应为 ISO-8601 时刻，如 2026-12-05T09:30:00+08:00，实际为“" + raw + "”");
            }
        }
    }

    @GetMapping("/check-ins/{id}")
    CheckIn checkIn(@PathVariable long id) {
        return patrols.checkIn(id, CurrentUsers.require());
    }

    @PostMapping("/check-ins/{id}/enforcement")
    CheckIn enforcement(@PathVariable long id, @RequestBody VersionBody body) {
        return patrols.enforcementArrived(CurrentUsers.require(), id, version(body.version()), body.note());
    }

    @GetMapping("/rota")
    List<RotaEntry> rota(@RequestParam(required = false) String town, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        LocalDate start = from == null ? LocalDate.now() : RequestValues.date("from", from);
        LocalDate end = to == null ? start.plusDays(30) : RequestValues.date("to", to);
        return rota.between(CurrentUsers.require(), town, start, end);
    }

    @PutMapping("/rota")
    RotaEntry saveRota(@RequestBody RotaBody body) {
        return rota.save(CurrentUsers.require(), version(body.version()), new NightRota.RotaInput(body.townCode(),
                body.night() == null ? null : RequestValues.date("night", body.night()), body.leader(), body.members(), body.note()));
    }

    static PatrolService.CheckInCommand command(String enterpriseId, String latitude, String longitude, String accuracy,
                                                String finding, String note, List<MultipartFile> photos) {
        List<PatrolService.Photo> list = new ArrayList<>();
        for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                list.add(new PatrolService.Photo(f.getOriginalFilename() == null || f.getOriginalFilename().isBlank() ? "现场.jpg"
                        : f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PatrolService.CheckInCommand(id("enterpriseId", enterpriseId), number("latitude", latitude),
                number("longitude", longitude), number("accuracy", accuracy),
                RequestValues.blank(finding) ? Finding.NOTHING : RequestValues.enumOf(Finding.class, "finding", finding), note, list);
    }

    static Long id(String field, String raw) {
        return RequestValues.blank(raw) ? null : (long) RequestValues.nonNegative(field, raw, 0);
    }

    static Double number(String field, String raw) {
        if (RequestValues.blank(raw)) {
            return null;
        }
        try {
            double d = Double.parseDouble(raw.strip());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "参数 " + field + " 应为数字");
        }
    }

    static int version(Integer version) {
        if (version == null || version < 0) {
            throw new InvalidInputException("version", "缺少版本号（新建时为 0），请刷新后重试");
        }
        return version;
    }
}
