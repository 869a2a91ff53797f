package org.qingyuan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingyuan.access.internal.TestLogins.district;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Pictures that would exhaust the heap, and broken ones, are refused with a Chinese 400. */
@SpringBootTest
@AutoConfigureMockMvc
class HostileImageTests {

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();

    long enterprise() throws Exception {
        String body = mvc.perform(post("/api/v1/enterprises").with(district()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"炸弹测试厂" + System.nanoTime() + "\", \"divisionCode\": \"410108001001\", "
                                + "\"type\": \"SLW\", \"discovery\": \"COMPLAINT\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    @Test
    void aPngOfTwoHundredMegapixelsIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        byte[] png = blackPng(250_000, 800);
        assertThat(png.length).isLessThan(1_000_000);
        mvc.perform(multipart("/api/v1/enterprises/" + enterprise() + "/attachments")
                        .file(new MockMultipartFile("file", "宽图.png", "image/png", png)).param("category", "BEFORE")
                        .with(district()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("250000 × 800")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("像素")));
    }

    @Test
    void aPictureUnderTheLimitIsStillStoredWithAThumbnail() throws Exception {
        byte[] png = blackPng(12_000, 4_000);
        mvc.perform(multipart("/api/v1/enterprises/" + enterprise() + "/attachments")
                        .file(new MockMultipartFile("file", "大图.png", "image/png", png)).param("category", "BEFORE")
                        .with(district()).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.width").value(12_000))
                .andExpect(jsonPath("$.height").value(4_000))
                .andExpect(jsonPath("$.thumbnailUrl").isString());
    }

    @Test
    void aJpegWithAHeaderAndNoImageDataIsA400() throws Exception {
        byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0};
        mvc.perform(multipart("/api/v1/enterprises/" + enterprise() + "/attachments")
                        .file(new MockMultipartFile("file", "坏图.jpg", "image/jpeg", broken)).param("category", "BEFORE")
                        .with(district()).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("file"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("无法识读")));
    }

    /** A valid 1-bit grey PNG, all black: tiny on disk, however many pixels it declares. */
    static byte[] blackPng(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {1, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] row = new byte[1 + (width + 7) / 8];
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int y = 0; y < height; y++) {
                z.write(row);
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
