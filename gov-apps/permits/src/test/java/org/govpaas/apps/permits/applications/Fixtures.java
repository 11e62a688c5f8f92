package org.govpaas.apps.permits.applications;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govpaas.apps.permits.form.Upload;

/** Valid answers to the default form and documents of each kind, as a citizen would send them. */
final class Fixtures {

    private Fixtures() {
    }

    static Actor newCitizen() {
        String id = UUID.randomUUID().toString();
        return Actor.citizen(id, "市民 " + id.substring(0, 4));
    }

    static Actor newStaff() {
        String id = UUID.randomUUID().toString();
        return Actor.staff(id, "审查员 " + id.substring(0, 4));
    }

    static Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("applicant", "杭州某某建筑有限公司");
        answers.put("phone", "13800138000");
        answers.put("email", "site@example.com");
        answers.put("location", "西湖区文三路 100 号门前人行道");
        answers.put("area", "24.5");
        answers.put("startDate", "2026-12-01");
        answers.put("endDate", "2026-12-20");
        answers.put("purpose", "外墙维修，搭设脚手架\r\n夜间设置警示灯");
        return answers;
    }

    static Upload pdf(String name) {
        return new Upload(name, "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    }

    static Upload png(String name) {
        byte[] content = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        System.arraycopy(magic, 0, content, 0, magic.length);
        return new Upload(name, content);
    }

    static Upload ofSize(String name, int bytes) {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) ' ');
        byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return new Upload(name, content);
    }
}
