package uk.apprenticeships.st1398.evidence.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void sanitiseKeepsAHarmlessLastSegment() {
        assertEquals("report.pdf", FileNames.sanitise("C:\\Users\\ada\\report.pdf"));
        assertEquals("passwd", FileNames.sanitise("../../etc/passwd"));
        assertEquals("htaccess", FileNames.sanitise(".htaccess"));
        assertEquals("a b.txt", FileNames.sanitise("a\t\r\n b.txt"));
        assertEquals("evidence-file", FileNames.sanitise(null));
        assertEquals("evidence-file", FileNames.sanitise(" ../ "));
        assertEquals(200, FileNames.sanitise("x".repeat(300)).length());
        assertEquals("abc.pdf", FileNames.sanitise("ab\u202Ec.pdf"), "right-to-left override removed");
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndUtf8Name() {
        assertEquals(
                "attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
                FileNames.contentDisposition("résumé.pdf"));
        assertEquals(
                "attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf",
                FileNames.contentDisposition("a b.pdf"));
    }
}
