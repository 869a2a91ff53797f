package org.qingyuan.utility.web;

import java.time.Instant;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.utility.OrderState;
import org.qingyuan.utility.UtilityOrder;
import org.qingyuan.utility.internal.UtilityOrderService;
import org.qingyuan.utility.internal.UtilityOrderService.NewOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Utility orders under {@code /api/v1/utility-orders}: order (JSON, or multipart with the order's {@code document}),
 * list and read (a utility's officers only their own), and the utility's confirmation (multipart: {@code document},
 * {@code executedAt}, {@code version}, {@code note}).
 */
@RestController
@RequestMapping("/api/v1/utility-orders")
class UtilityOrderApiController {

    private final UtilityOrderService orders;

    UtilityOrderApiController(UtilityOrderService orders) {
        this.orders = orders;
    }

    /** An order as the API shows it. */
    record OrderJson(long id, String enterpriseName, long enterpriseId, String divisionCode, String utility, String utilityName,
                     String action, String label, String accountNo, String reason, String documentNo, Long caseId, String state,
                     String stateName, String orderedBy, Instant orderedAt, Instant executedAt, String confirmedBy, Instant confirmedAt,
                     Long orderAttachmentId, Long confirmationAttachmentId, String confirmationNote, String caseItem, int version) {

        static OrderJson of(UtilityOrder o) {
            return new OrderJson(o.id(), o.enterpriseName(), o.enterpriseId(), o.divisionCode(), o.utility().name(), o.utility().label(),
                    o.action().name(), o.label(), o.accountNo(), o.reason(), o.documentNo(), o.caseId(), o.state().name(), o.state().label(),
                    o.orderedBy(), o.orderedAt(), o.executedAt(), o.confirmedBy(), o.confirmedAt(), o.orderAttachmentId(),
                    o.confirmationAttachmentId(), o.confirmationNote(), o.caseItem(), o.version());
        }
    }

    /** An order with its files. */
    record OrderDetailJson(OrderJson order, List<FileJson> files) {
    }

    record FileJson(long id, String fileName, String href) {
        static FileJson of(Attachment a) {
            return new FileJson(a.id(), a.fileName(), "/api/v1/attachments/" + a.id() + "/content");
        }
    }

    record NewOrderJson(Long enterpriseId, String utility, String action, String accountNo, String reason, String documentNo) {
    }

    @GetMapping
    List<OrderJson> list(@RequestParam(required = false) String state, @RequestParam(required = false) String enterprise) {
        OrderState s = Uploads.parse(OrderState.class, state, "state", "状态应为 ORDERED 或 EXECUTED");
        return orders.list(CurrentUsers.require(), s, Uploads.id(enterprise, "enterprise")).stream().map(OrderJson::of).toList();
    }

    @GetMapping("/{id}")
    OrderDetailJson get(@PathVariable long id) {
        return detail(orders.get(CurrentUsers.require(), id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OrderDetailJson order(@RequestBody NewOrderJson body) {
        return detail(orders.order(CurrentUsers.require(), new NewOrder(body.enterpriseId(), Uploads.utility(body.utility()),
                Uploads.action(body.action()), body.accountNo(), body.reason(), body.documentNo(), null)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    OrderDetailJson orderWithDocument(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String utility,
                                      @RequestParam(required = false) String action, @RequestParam(required = false) String accountNo,
                                      @RequestParam(required = false) String reason, @RequestParam(required = false) String documentNo,
                                      @RequestPart(name = "document", required = false) MultipartFile document) {
        return detail(orders.order(CurrentUsers.require(), new NewOrder(Uploads.id(enterpriseId, "enterpriseId"), Uploads.utility(utility),
                Uploads.action(action), accountNo, reason, documentNo, Uploads.file(document))));
    }

    @PostMapping(path = "/{id}/confirmation", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    OrderDetailJson confirm(@PathVariable long id, @RequestParam(required = false) String version,
                            @RequestParam(required = false) String executedAt, @RequestParam(required = false) String note,
                            @RequestPart(name = "document", required = false) MultipartFile document) {
        return detail(orders.confirm(CurrentUsers.require(), id, Uploads.version(version), Uploads.dateTime(executedAt, "executedAt"), note,
                Uploads.file(document)));
    }

    private static OrderDetailJson detail(UtilityOrderService.OrderView v) {
        return new OrderDetailJson(OrderJson.of(v.order()), v.files().stream().map(FileJson::of).toList());
    }
}
