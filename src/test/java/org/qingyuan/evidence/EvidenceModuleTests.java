package org.qingyuan.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.qingyuan.demo.DemoPhotos;
import org.qingyuan.access.Scope;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.qingyuan.shared.ValidationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class EvidenceModuleTests {


    static final DivisionCode JINHE = DivisionCode.of("410108001001");
    static final DivisionCode TONGLE = DivisionCode.of("410108002002");

    @Autowired
    Dossier dossier;

    @Test
    void theSameContentIsStoredOnceAndServedVerified() throws Exception {
        byte[] photo = DemoPhotos.sitePhoto(false, 99, "dedup", Instant.parse("2026-01-02T03:04:00Z"), 34.86, 113.62);
        var owner = new EvidenceOwner("Enterprise", 900_001);
        Attachment a = dossier.attach(owner, JINHE, EvidenceCategory.BEFORE, "a.jpg", null, new ByteArrayInputStream(photo));
        Attachment b = dossier.attach(owner, JINHE, EvidenceCategory.DURING, "b.jpg", "第二次", new ByteArrayInputStream(photo));
        assertThat(a.sm3()).isEqualTo(b.sm3()).hasSize(64);
        assertThat(a.id()).isNotEqualTo(b.id());
        try (var in = dossier.content(a.id(), Scope.of(JINHE)).stream()) {
            assertThat(in.readAllBytes()).isEqualTo(photo);
        }
    }

    @Test
    void aRelocatedOwnerTakesItsDossierToTheNewJurisdiction() {
        var owner = new EvidenceOwner("Enterprise", 900_002);
        byte[] photo = DemoPhotos.sitePhoto(true, 5, "move", null, null, null);
        Attachment a = dossier.attach(owner, JINHE, EvidenceCategory.AFTER, "c.jpg", null, new ByteArrayInputStream(photo));
        dossier.relocate(owner, TONGLE);
        assertThatThrownBy(() -> dossier.attachment(a.id(), Scope.of(JINHE))).isInstanceOf(NotFoundException.class);
        assertThat(dossier.attachment(a.id(), Scope.of(TONGLE)).division()).isEqualTo(TONGLE);
        var survivor = new EvidenceOwner("Enterprise", 900_003);
        dossier.transfer(owner, survivor, JINHE);
        assertThat(dossier.attachments(survivor, Scope.of(JINHE))).extracting(Attachment::id).contains(a.id());
    }

    @Test
    void aTooLargePhotoIsRefusedNamingTheLimit() {
        byte[] big = new byte[21 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThatThrownBy(() -> dossier.attach(new EvidenceOwner("Enterprise", 900_004), JINHE, EvidenceCategory.OTHER, "big.jpg",
                null, new ByteArrayInputStream(big)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("照片不能超过 20 MB");
    }

    @Test
    void aPhotoWithoutExifHasNoCaptureTimeButAThumbnail() {
        byte[] photo = DemoPhotos.sitePhoto(false, 11, "plain", null, null, null);
        Attachment a = dossier.attach(new EvidenceOwner("Enterprise", 900_005), JINHE, EvidenceCategory.BEFORE, "p.jpg", null,
                new ByteArrayInputStream(photo));
        assertThat(a.capturedAt()).isNull();
        assertThat(a.located()).isFalse();
        assertThat(a.hasThumbnail()).isTrue();
    }
}
