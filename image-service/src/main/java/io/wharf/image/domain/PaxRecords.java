package io.wharf.image.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The records of a pax extended header: {@code "<length> <key>=<value>\n"}, repeated. */
public final class PaxRecords {
    private PaxRecords() {
    }

    public static Map<String, String> parse(byte[] data, int length) throws TarFormatException {
        Map<String, String> records = new LinkedHashMap<>();
        int pos = 0;
        while (pos < length) {
            if (data[pos] == 0) {
                break; // padding some writers leave after the last record
            }
            int space = pos;
            int recordLength = 0;
            while (space < length && data[space] >= '0' && data[space] <= '9' && recordLength < 100_000_000) {
                recordLength = recordLength * 10 + (data[space] - '0');
                space++;
            }
            if (space == pos || space >= length || data[space] != ' ' || recordLength <= space - pos + 1
                    || pos + recordLength > length || data[pos + recordLength - 1] != '\n') {
                throw new TarFormatException("malformed pax header record");
            }
            String record = new String(data, space + 1, pos + recordLength - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq <= 0) {
                throw new TarFormatException("malformed pax header record");
            }
            records.put(record.substring(0, eq), record.substring(eq + 1));
            pos += recordLength;
        }
        return records;
    }
}
