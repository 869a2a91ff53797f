package org.qingyuan.evidence.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.audit.AuditEvent;
import org.qingyuan.audit.AuditTrail;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.RemovedEquipment;
import org.qingyuan.evidence.TamperedEvidenceException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Dossier files in the object store, their metadata in {@code evidence_attachment}, equipment rows in {@code evidence_equipment}. */
@Service
@EnableConfigurationProperties(EvidenceProperties.class)
class JdbcDossier implements Dossier {

    private static final String COLUMNS = """
            id, owner_type, owner_id, division_code, category, kind, media_type, file_name, size_bytes, sm3, thumbnail_sm3,
            captured_at, latitude, longitude, width, height, note, uploaded_at, uploaded_by
            """;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcDossier.class);

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final EvidenceProperties limits;
    private final AuditTrail audit;
    private final Clock clock;
    private final ActingUsers actors;

    private final org.springframework.beans.factory.ObjectProvider<org.qingyuan.evidence.EvidenceVisibility> visibility;

    JdbcDossier(JdbcClient jdbc, ObjectStore store, EvidenceProperties limits, AuditTrail audit, Clock clock,
                ActingUsers actors, org.springframework.beans.factory.ObjectProvider<org.qingyuan.evidence.EvidenceVisibility> visibility) {
        this.visibility = visibility;
        this.jdbc = jdbc;
        this.store = store;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
        this.actors = actors;
    }

    @Override
    @Transactional
    public Attachment attach(EvidenceOwner owner, DivisionCode division, EvidenceCategory category, String fileName, String note,
                             InputStream content) {
        if (category == null) {
            throw new ValidationException(List.of(new FieldError("category", "请选择资料类别（整治前、整治中、整治后、现场检查记录、法律文书或其他）")));
        }
        String name = fileName == null || fileName.isBlank() ? "未命名" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        try {
            ObjectStore.Received received = store.receive(content, limits.largest());
            if (received.file() == null) {
                throw invalid("文件超过 " + mb(limits.largest()) + " MB，不能上传");
            }
            try {
                if (received.size() == 0) {
                    throw invalid("文件是空的");
                }
                ContentTypes.Detected type = ContentTypes.detect(received.file()).orElseThrow(() -> invalid(
                        "“" + fileName + "”不是可接受的照片、视频或文档（按文件内容识别，与扩展名无关；可接受 JPEG、PNG、HEIC、MP4、MOV、PDF、OFD、Word、Excel）"));
                long max = switch (type.kind()) {
                    case PHOTO -> limits.maxPhotoBytes();
                    case VIDEO -> limits.maxVideoBytes();
                    case DOCUMENT -> limits.maxDocumentBytes();
                };
                if (received.size() > max) {
                    throw invalid(type.kind().label() + "不能超过 " + mb(max) + " MB（此文件 " + mb(received.size()) + " MB）");
                }
                PhotoMetadata meta = type.kind() == EvidenceKind.PHOTO ? PhotoMetadata.read(received.file().toFile()) : PhotoMetadata.NONE;
                Thumbnails.Thumbnail thumbnail = type.kind() == EvidenceKind.PHOTO ? thumbnail(received.file(), fileName, meta) : null;
                String thumbnailSm3 = thumbnail == null ? null : store.put(thumbnail.jpeg());
                store.keep(received);
                Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
                String by = actors.username();
                long id = jdbc.sql("""
                                INSERT INTO evidence_attachment (owner_type, owner_id, division_code, category, kind, media_type,
                                    file_name, size_bytes, sm3, thumbnail_sm3, captured_at, latitude, longitude, width, height, note,
                                    uploaded_at, uploaded_by)
                                VALUES (:ownerType, :ownerId, :division, :category, :kind, :mediaType, :fileName, :size, :sm3,
                                    :thumb, :captured, :lat, :lon, :width, :height, :note, :at, :by)
                                RETURNING id
                                """)
                        .param("ownerType", owner.type()).param("ownerId", owner.id()).param("division", division.value())
                        .param("category", category.name()).param("kind", type.kind().name()).param("mediaType", type.mediaType())
                        .param("fileName", name).param("size", received.size()).param("sm3", received.sm3())
                        .param("thumb", thumbnailSm3)
                        .param("captured", meta.capturedAt() == null ? null : Timestamp.from(meta.capturedAt()))
                        .param("lat", meta.latitude()).param("lon", meta.longitude())
                        .param("width", thumbnail == null ? null : thumbnail.width())
                        .param("height", thumbnail == null ? null : thumbnail.height())
                        .param("note", note == null || note.isBlank() ? null : note.strip())
                        .param("at", Timestamp.from(now)).param("by", by)
                        .query(Long.class).single();
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("attachmentId", id);
                details.put("fileName", name);
                details.put("category", category.name());
                details.put("mediaType", type.mediaType());
                details.put("size", received.size());
                details.put("sm3", received.sm3());
                audit.record(new AuditEvent("EVIDENCE_ATTACHED", owner.type(), Long.toString(owner.id()), null, details));
                return find(id).orElseThrow();
            } finally {
                if (received.file() != null) {
                    Files.deleteIfExists(received.file());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(List.of(new FieldError("file", message)));
    }

    private Thumbnails.Thumbnail thumbnail(java.nio.file.Path file, String fileName, PhotoMetadata meta) {
        try {
            return Thumbnails.of(file, limits.thumbnailPixels(), meta.orientation(), limits.maxPhotoPixels());
        } catch (Thumbnails.TooManyPixels e) {
            throw invalid("“" + fileName + "”有 " + e.width + " × " + e.height + " 像素，超过 "
                    + limits.maxPhotoPixels() / 1_000_000 + " 百万像素的上限，不能上传（请缩小后再传）");
        } catch (Thumbnails.Unreadable e) {
            log.info("photo {} cannot be decoded: {}", fileName, e.getCause().toString());
            throw invalid("“" + fileName + "”的图像数据无法识读（文件可能已损坏或不完整），不能上传");
        }
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? Long.toString(Math.round(bytes / 1048576.0)) : String.format("%.2f", bytes / 1048576.0);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attachment> attachments(EvidenceOwner owner, Scope scope) {
        if (hidden(owner, scope)) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM evidence_attachment
                        WHERE owner_type = :type AND owner_id = :id AND division_code LIKE :prefix || '%'
                        ORDER BY category, coalesce(captured_at, uploaded_at), id
                        """)
                .param("type", owner.type()).param("id", owner.id()).param("prefix", scope.prefix())
                .query(AttachmentRows::attachment).list();
    }

    @Override
    @Transactional(readOnly = true)
    public Attachment attachment(long id, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_attachment WHERE id = :id AND division_code LIKE :prefix || '%'")
                .param("id", id).param("prefix", scope.prefix()).query(AttachmentRows::attachment).optional()
                .filter(a -> !hidden(a.owner(), scope))
                .orElseThrow(() -> new NotFoundException("文件 #" + id + " 不存在或不在您的辖区内"));
    }

    /** True when the owner's evidence is hidden from a scope narrowed to grids (another grid's). */
    private boolean hidden(EvidenceOwner owner, Scope scope) {
        return scope.gridLimited() && visibility.orderedStream().anyMatch(v -> v.hides(owner, scope));
    }

    private java.util.Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM evidence_attachment WHERE id = :id").param("id", id)
                .query(AttachmentRows::attachment).optional();
    }

    @Override
    public EvidenceContent content(long id, Scope scope) {
        Attachment a = attachment(id, scope);
        return verified(id, a.sm3(), a.mediaType(), a.fileName(), a.size());
    }

    @Override
    public EvidenceContent thumbnail(long id, Scope scope) {
        Attachment a = attachment(id, scope);
        String sm3 = jdbc.sql("SELECT thumbnail_sm3 FROM evidence_attachment WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        if (sm3 == null) {
            throw new NotFoundException("文件 #" + id + " 没有缩略图");
        }
        return verified(id, sm3, "image/jpeg", "thumbnail-" + a.id() + ".jpg", -1);
    }

    private EvidenceContent verified(long id, String sm3, String mediaType, String fileName, long size) {
        try {
            if (!store.intact(sm3)) {
                throw new TamperedEvidenceException(id);
            }
            long actual = size >= 0 ? size : store.size(sm3);
            return new EvidenceContent(mediaType, fileName, actual, sm3, store.open(sm3));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @Transactional
    public RemovedEquipment recordEquipment(EvidenceOwner owner, DivisionCode division, String name, String model, int quantity,
                                            EquipmentDisposal disposal, String note) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "设备名称不能为空"));
        }
        if (quantity <= 0) {
            errors.add(new FieldError("quantity", "数量应为正整数"));
        }
        if (disposal == null) {
            errors.add(new FieldError("disposal", "请选择处置方式"));
        }
        ValidationException.throwIfAny(errors);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String by = actors.username();
        long id = jdbc.sql("""
                        INSERT INTO evidence_equipment (owner_type, owner_id, division_code, name, model, quantity, disposal, note,
                                                        recorded_at, recorded_by)
                        VALUES (:type, :id, :division, :name, :model, :quantity, :disposal, :note, :at, :by) RETURNING id
                        """)
                .param("type", owner.type()).param("id", owner.id()).param("division", division.value())
                .param("name", name.strip()).param("model", model == null || model.isBlank() ? null : model.strip())
                .param("quantity", quantity).param("disposal", disposal.name())
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("at", Timestamp.from(now)).param("by", by).query(Long.class).single();
        audit.record(new AuditEvent("EQUIPMENT_RECORDED", owner.type(), Long.toString(owner.id()), null,
                Map.of("equipmentId", id, "name", name.strip(), "quantity", quantity, "disposal", disposal.name())));
        return new RemovedEquipment(id, owner, name.strip(), model, quantity, disposal, note, now, by);
    }

    @Override
    @Transactional(readOnly = true)
    public List<RemovedEquipment> equipment(EvidenceOwner owner, Scope scope) {
        if (hidden(owner, scope)) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, owner_type, owner_id, name, model, quantity, disposal, note, recorded_at, recorded_by
                          FROM evidence_equipment
                         WHERE owner_type = :type AND owner_id = :id AND division_code LIKE :prefix || '%'
                         ORDER BY id
                        """)
                .param("type", owner.type()).param("id", owner.id()).param("prefix", scope.prefix())
                .query((rs, i) -> new RemovedEquipment(rs.getLong("id"), new EvidenceOwner(rs.getString("owner_type"),
                        rs.getLong("owner_id")), rs.getString("name"), rs.getString("model"), rs.getInt("quantity"),
                        EquipmentDisposal.valueOf(rs.getString("disposal")), rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
                .list();
    }

    @Override
    @Transactional
    public void relocate(EvidenceOwner owner, DivisionCode division) {
        for (String table : List.of("evidence_attachment", "evidence_equipment")) {
            jdbc.sql("UPDATE " + table + " SET division_code = :division WHERE owner_type = :type AND owner_id = :id")
                    .param("division", division.value()).param("type", owner.type()).param("id", owner.id()).update();
        }
    }

    @Override
    @Transactional
    public void transfer(EvidenceOwner from, EvidenceOwner to, DivisionCode division) {
        for (String table : List.of("evidence_attachment", "evidence_equipment")) {
            jdbc.sql("UPDATE " + table + " SET owner_type = :toType, owner_id = :toId, division_code = :division"
                            + " WHERE owner_type = :type AND owner_id = :id")
                    .param("toType", to.type()).param("toId", to.id()).param("division", division.value())
                    .param("type", from.type()).param("id", from.id()).update();
        }
    }

    static InputStream bytes(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
