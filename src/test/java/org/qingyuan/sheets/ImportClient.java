package org.qingyuan.sheets;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads a file through the import API as a user would, waits for the job and reads its report rows. */
final class ImportClient {

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** Imports the file and answers the finished job. */
    JsonNode importFile(RequestPostProcessor who, byte[] content, String name, String layout) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports").file(new MockMultipartFile("file", name, null, content))
                        .param("layout", layout).param("mode", "valid-rows").with(who).with(csrf()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long id = json.readTree(body).get("id").asLong();
        for (int i = 0; i < 300; i++) {
            JsonNode job = json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(who))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (job.get("finished").asBoolean()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** The report's rows by their row number: outcome, errors and warnings as "【column】message" lines. */
    Map<Integer, String> rows(RequestPostProcessor who, JsonNode job) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/imports/" + job.get("id").asLong() + "/rows").param("size", "500")
                .with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Map<Integer, String> out = new LinkedHashMap<>();
        for (JsonNode r : page.get("items")) {
            StringBuilder s = new StringBuilder(r.get("outcome").asString());
            for (String kind : List.of("errors", "warnings")) {
                JsonNode messages = r.get(kind);
                if (messages != null && messages.isArray()) {
                    for (JsonNode m : messages) {
                        s.append(" ").append(kind.equals("errors") ? "错误" : "提示").append("【").append(m.get("column").asString())
                                .append("】").append(m.get("message").asString());
                    }
                }
            }
            out.put(r.get("row").asInt(), s.toString());
        }
        return out;
    }

    /** A one-sheet workbook: the rows above the header, the header, the data rows (Excel row numbers follow). */
    static byte[] workbook(List<String> above, List<String> header, List<List<String>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        int r = 0;
        for (String line : above) {
            ws.value(r++, 0, line);
        }
        for (int c = 0; c < header.size(); c++) {
            ws.value(r, c, header.get(c));
        }
        r++;
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) != null && !row.get(c).isEmpty()) {
                    ws.value(r, c, row.get(c));
                }
            }
            r++;
        }
        ws.finish();
        wb.finish();
        return out.toByteArray();
    }
}
