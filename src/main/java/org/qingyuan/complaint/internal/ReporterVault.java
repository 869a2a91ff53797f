package org.qingyuan.complaint.internal;

import java.util.Map;

import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.platform.EncryptedFields;
import org.qingyuan.platform.FieldCipher;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporters' contacts: sealed by the field cipher on the way in, opened masked for the pages, in full only through
 * {@link #unmask} with a reason (audited), sealed again after a key rotation.
 */
@Component
class ReporterVault implements EncryptedFields {

    private final ComplaintStore store;
    private final FieldCipher cipher;
    private final AuditTrail audit;

    ReporterVault(ComplaintStore store, FieldCipher cipher, AuditTrail audit) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
    }

    ComplaintStore.SealedContact seal(Reporter r) {
        return new ComplaintStore.SealedContact(cipher.encrypt(r.name()), cipher.encrypt(r.phone()), cipher.encrypt(r.idNumber()));
    }

    /** The contact as every page shows it: 138****1234. */
    Reporter masked(Complaint c) {
        return c.hasContact() ? open(c.id()).masked() : Reporter.NONE;
    }

    /** The full contact, for a user holding the permission, after a reason; the unmasking is an audit record. */
    @Transactional
    Reporter unmask(Complaint c, String reason) {
        if (reason == null || reason.strip().length() < 4) {
            throw new InvalidInputException("reason", "请说明查看举报人完整信息的理由（至少 4 个字）");
        }
        Reporter full = c.hasContact() ? open(c.id()) : Reporter.NONE;
        audit.record(new AuditEvent("REPORTER_UNMASKED", Complaint.OWNER_TYPE, Long.toString(c.id()), reason.strip(),
                Map.of("trackingCode", c.trackingCode())));
        return full;
    }

    private Reporter open(long id) {
        var s = store.contact(id);
        return new Reporter(cipher.decrypt(s.name()), cipher.decrypt(s.phone()), cipher.decrypt(s.idNumber()));
    }

    @Override
    public String name() {
        return "complaint reporters";
    }

    @Override
    @Transactional
    public int reencrypt(FieldCipher with) {
        int n = 0;
        for (Object[] row : store.sealedContacts()) {
            var s = (ComplaintStore.SealedContact) row[1];
            if (current(with, s.name()) && current(with, s.phone()) && current(with, s.idNumber())) {
                continue;
            }
            store.replaceContact((Long) row[0], new ComplaintStore.SealedContact(again(with, s.name()), again(with, s.phone()),
                    again(with, s.idNumber())));
            n++;
        }
        return n;
    }

    private static boolean current(FieldCipher c, String v) {
        return v == null || c.isCurrent(v);
    }

    private static String again(FieldCipher c, String v) {
        return v == null ? null : c.encrypt(c.decrypt(v));
    }
}
