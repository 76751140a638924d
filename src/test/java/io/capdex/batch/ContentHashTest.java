package io.capdex.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
    @TempDir
    Path dir;

    @Test
    void hashesTheBytesWithSha256() throws IOException {
        Path abc = Files.writeString(dir.resolve("abc.txt"), "abc", StandardCharsets.US_ASCII);
        // the FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.sha256(abc));
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.sha256(empty));
    }

    @Test
    void streamsFilesLargerThanItsBuffer() throws IOException {
        byte[] bytes = new byte[200_003];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path big = Files.write(dir.resolve("big.bin"), bytes);
        InputHash hash = ContentHash.of(big, "video");
        assertEquals(200_003, hash.sizeBytes());
        assertEquals(big.toAbsolutePath().normalize().toString(), hash.path());
        bytes[199_999] ^= 1;
        Path changed = Files.write(dir.resolve("changed.bin"), bytes);
        assertNotEquals(hash.sha256(), ContentHash.sha256(changed));
    }
}
