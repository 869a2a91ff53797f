package org.qingyuan.utility.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.RoleCode;
import org.qingyuan.access.RoleHolders;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.RectificationCase;
import org.qingyuan.rectification.Requirement;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.utility.OrderState;
import org.qingyuan.utility.RestoreRule;
import org.qingyuan.utility.SupplyAction;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityOrder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Utility orders (D4): the district office or a town orders a utility to cut, limit or restore an enterprise's supply;
 * the utility's officers see only the orders to their utility and confirm execution with a document and the time. A
 * confirmed cut records the case's 断水 / 断电 item with the same document as the utility's confirmation, so nobody
 * uploads it twice. Restoring is refused by {@link RestoreRule}.
 */
@Service
public class UtilityOrderService {

    static final String OWNER_TYPE = "UtilityOrder";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final UtilityOrderStore store;
    private final EnterpriseSites sites;
    private final Cases cases;
    private final Dossier dossier;
    private final RoleHolders holders;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final Clock clock;

    UtilityOrderService(UtilityOrderStore store, EnterpriseSites sites, Cases cases, Dossier dossier, RoleHolders holders, Inbox inbox,
                        AuditTrail audit, Clock clock) {
        this.store = store;
        this.sites = sites;
        this.cases = cases;
        this.dossier = dossier;
        this.holders = holders;
        this.inbox = inbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** An uploaded file. */
    public record Upload(String fileName, byte[] content) {
    }

    /** What the office or town orders. */
    public record NewOrder(Long enterpriseId, Utility utility, SupplyAction action, String accountNo, String reason, String documentNo,
                           Upload document) {
    }

    /** An order with its files. */
    public record OrderView(UtilityOrder order, List<Attachment> files) {
    }

    // ---------------------------------------------------------------- reads

    /** The orders the user may see, newest first; {@code state} narrows them. */
    @Transactional(readOnly = true)
    public List<UtilityOrder> list(CurrentUser user, OrderState state, Long enterpriseId) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder condition = new StringBuilder(visible(user, params));
        if (state != null) {
            condition.append(" AND o.state = :state");
            params.addValue("state", state.name());
        }
        if (enterpriseId != null) {
            condition.append(" AND o.enterprise_id = :enterprise");
            params.addValue("enterprise", enterpriseId);
        }
        return store.find(condition.toString(), params);
    }

    @Transactional(readOnly = true)
    public OrderView get(CurrentUser user, long id) {
        UtilityOrder o = find(user, id);
        List<Attachment> files = new java.util.ArrayList<>();
        for (Long a : new Long[] {o.orderAttachmentId(), o.confirmationAttachmentId()}) {
            if (a != null) {
                files.add(dossier.attachment(a, Scope.of(DivisionCode.of(o.districtCode()))));
            }
        }
        return new OrderView(o, files);
    }

    /**
     * Who sees which orders: the district office, supervisors and leaders those of the district, a town those of its
     * enterprises, a utility's officers only the orders to their utility in the district; anyone else none.
     */
    static String visible(CurrentUser user, MapSqlParameterSource params) {
        params.addValue("prefix", user.division().prefix());
        return switch (user.role()) {
            case DISTRICT_OFFICE, SUPERVISOR, LEADER, TOWN_OFFICER -> "o.division_code LIKE :prefix || '%'";
            case DEPARTMENT_OFFICER -> Utility.ofDepartment(user.departmentCode()).map(u -> {
                params.addValue("utility", u.name());
                return "o.district_code = :prefix AND o.utility = :utility";
            }).orElse("FALSE");
            default -> "FALSE";
        };
    }

    private UtilityOrder find(CurrentUser user, long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id);
        return store.find(visible(user, params) + " AND o.id = :id", params).stream().findFirst().orElseThrow(() -> notFound(id));
    }

    // ---------------------------------------------------------------- commands

    /** Orders a utility; the enterprise must lie in the caller's jurisdiction, a restore must be allowed by the rule. */
    @Transactional
    public OrderView order(CurrentUser user, NewOrder o) {
        if (user.role() != RoleCode.DISTRICT_OFFICE && user.role() != RoleCode.TOWN_OFFICER) {
            throw new org.springframework.security.access.AccessDeniedException("只有区办和镇（街道）可以下达供水供电供气指令");
        }
        if (o.enterpriseId() == null) {
            throw new InvalidInputException("enterpriseId", "请选择企业");
        }
        var site = sites.sites(List.of(o.enterpriseId())).get(o.enterpriseId());
        if (site == null || !user.scope().covers(DivisionCode.of(site.divisionCode()))) {
            throw new InvalidInputException("enterpriseId", "企业 #" + o.enterpriseId() + " 不存在或不在您的辖区内");
        }
        if (o.utility() == null) {
            throw new InvalidInputException("utility", "请选择供水、供电或供气单位");
        }
        if (o.action() == null) {
            throw new InvalidInputException("action", "请选择断供、限供或恢复供应");
        }
        String account = strip(o.accountNo());
        if (account == null || account.length() > 50) {
            throw new InvalidInputException("accountNo", "请填写" + o.utility().label() + "户号（50 字以内）");
        }
        String reason = strip(o.reason());
        if (reason == null || reason.length() > 2000) {
            throw new InvalidInputException("reason", "请写明下达指令的理由（2000 字以内）");
        }
        String documentNo = strip(o.documentNo());
        if (documentNo != null && documentNo.length() > 100) {
            throw new InvalidInputException("documentNo", "文号不能超过 100 个字");
        }
        Optional<CaseSummary> c = caseOf(o.enterpriseId(), site.divisionCode());
        if (o.action() == SupplyAction.RESTORE) {
            refuseRestore(c);
        }
        String district = site.divisionCode().substring(0, 6);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        long id = store.insert(new UtilityOrderStore.NewRow(district, site.divisionCode(), site.id(), site.name(), o.utility(), o.action(),
                account, reason, documentNo, c.map(CaseSummary::id).orElse(null), user.username(), user.division().value(), now));
        if (o.document() != null) {
            Attachment a = dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(site.divisionCode()),
                    EvidenceCategory.LEGAL_DOCUMENT, o.document().fileName(), "供水供电供气指令 #" + id,
                    new ByteArrayInputStream(o.document().content()));
            store.setOrderAttachment(id, a.id());
        }
        String label = o.action().label(o.utility());
        inbox.deliver(holders.ofDepartment(o.utility().departmentCode()), new Notice("UTILITY_ORDERED", label + "指令：" + site.name(),
                "户号 " + account + "。" + reason, "/utility-orders/" + id, "utility-order-" + id));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enterpriseId", site.id());
        details.put("utility", o.utility().name());
        details.put("action", o.action().name());
        details.put("accountNo", account);
        if (documentNo != null) {
            details.put("documentNo", documentNo);
        }
        audit.record(new AuditEvent("UTILITY_ORDER_ISSUED", OWNER_TYPE, Long.toString(id), reason, details));
        return get(user, id);
    }

    /**
     * The utility confirms execution with its document and the time executed. A cut or limit completes the case's item
     * it proves (断水, 断电 or 取消动力电供应) with that document as evidence and as the utility's confirmation.
     */
    @Transactional
    public OrderView confirm(CurrentUser user, long id, Integer version, LocalDateTime executedAt, String note, Upload document) {
        UtilityOrder seen = find(user, id);
        if (user.role() != RoleCode.DEPARTMENT_OFFICER || Utility.ofDepartment(user.departmentCode()).orElse(null) != seen.utility()) {
            throw notFound(id);
        }
        if (version == null) {
            throw new InvalidInputException("version", "缺少版本号 version（请刷新页面后重试）");
        }
        UtilityOrder o = store.lock(id).orElseThrow(() -> notFound(id));
        if (o.version() != version) {
            throw new ConflictException("指令 #" + id + " 已被他人修改（当前版本 " + o.version() + "），请刷新后重试");
        }
        if (o.state() != OrderState.ORDERED) {
            throw new ConflictException("指令 #" + id + " 已于 " + o.executedAt().atZone(CHINA).toLocalDateTime() + " 确认执行");
        }
        if (document == null || document.content() == null || document.content().length == 0) {
            throw new InvalidInputException("document", "确认执行须上传" + o.utility().label() + "单位的执行回执或确认函");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (executedAt == null) {
            throw new InvalidInputException("executedAt", "请填写执行时间");
        }
        Instant executed = executedAt.atZone(CHINA).toInstant();
        if (executed.isAfter(now.plus(5, ChronoUnit.MINUTES))) {
            throw new InvalidInputException("executedAt", "执行时间不能晚于现在");
        }
        if (executed.isBefore(o.orderedAt().atZone(CHINA).toLocalDate().atStartOfDay(CHINA).toInstant())) {
            throw new InvalidInputException("executedAt", "执行时间不能早于下达指令的日期");
        }
        String text = strip(note);
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("note", "说明不能超过 2000 个字");
        }
        Optional<CaseSummary> c = caseOf(o.enterpriseId(), o.divisionCode());
        if (o.action() == SupplyAction.RESTORE) {
            refuseRestore(c);
        }
        String what = o.utility().label() + "单位执行确认：" + o.label() + "（指令 #" + id + "）";
        Requirement item = c.flatMap(s -> provedItem(o, s, user)).orElse(null);
        Attachment confirmation;
        if (item != null) {
            long caseId = c.get().id();
            confirmation = cases.upload(caseId, EvidenceCategory.LEGAL_DOCUMENT, document.fileName(), what,
                    new ByteArrayInputStream(document.content()), user.scope());
            CaseView view = cases.get(caseId, user.scope());
            String itemNote = o.label() + "已于 " + executedAt.truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ')
                    + " 执行（" + o.utility().label() + "户号 " + o.accountNo() + "，指令 #" + id + "）" + (text == null ? "" : "。" + text);
            cases.recordItem(caseId, view.rectificationCase().version(), new Cases.ItemCommand(item, itemNote, List.of(confirmation.id()),
                    confirmation.id(), null), user);
        } else if (c.isPresent() && o.action() != SupplyAction.RESTORE && !o.utility().itemsProvedBy(o.action()).isEmpty()) {
            confirmation = cases.upload(c.get().id(), EvidenceCategory.LEGAL_DOCUMENT, document.fileName(), what,
                    new ByteArrayInputStream(document.content()), user.scope());
        } else {
            confirmation = dossier.attach(new EvidenceOwner(OWNER_TYPE, id), DivisionCode.of(o.divisionCode()), EvidenceCategory.LEGAL_DOCUMENT,
                    document.fileName(), what, new ByteArrayInputStream(document.content()));
        }
        if (!store.confirm(id, version, executed, user.username(), now, confirmation.id(), text, item == null ? null : item.name())) {
            throw new ConflictException("指令 #" + id + " 已被他人修改，请刷新后重试");
        }
        inbox.deliverToRoles(Set.of(RoleCode.TOWN_OFFICER.name(), RoleCode.DISTRICT_OFFICE.name()), o.divisionCode(),
                new Notice("UTILITY_EXECUTED", o.label() + "已执行：" + o.enterpriseName(),
                        o.utility().label() + "单位已确认执行" + (item == null ? "" : "，整治任务的“" + item.label() + "”已记录") + "。",
                        "/utility-orders/" + id, "utility-order-" + id + "-executed"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("executedAt", executed.toString());
        details.put("attachmentId", confirmation.id());
        if (item != null) {
            details.put("caseId", c.get().id());
            details.put("caseItem", item.name());
        }
        audit.record(new AuditEvent("UTILITY_ORDER_CONFIRMED", OWNER_TYPE, Long.toString(id), text, details));
        return get(user, id);
    }

    /** The first item the order proves that the case requires, when the case still takes work. */
    private Optional<Requirement> provedItem(UtilityOrder o, CaseSummary summary, CurrentUser user) {
        if (!summary.state().acceptsWork()) {
            return Optional.empty();
        }
        RectificationCase rc = cases.get(summary.id(), user.scope()).rectificationCase();
        // an item already done stays as recorded (its photos and review are not replaced); the receipt still joins the case
        return o.utility().itemsProvedBy(o.action()).stream().filter(rc.requirements()::contains)
                .filter(r -> rc.items().get(r) == null || !rc.items().get(r).complete()).findFirst();
    }

    private Optional<CaseSummary> caseOf(long enterpriseId, String division) {
        return cases.ofEnterprise(enterpriseId, Scope.of(DivisionCode.of(division.substring(0, 6))));
    }

    private static void refuseRestore(Optional<CaseSummary> c) {
        c.flatMap(s -> RestoreRule.refusal(s.measure(), s.state(), s.id())).ifPresent(why -> {
            throw new ConflictException(why);
        });
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("指令 #" + id + " 不存在或不在您的辖区内");
    }
}
