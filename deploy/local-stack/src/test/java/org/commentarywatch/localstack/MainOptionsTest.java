package org.commentarywatch.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainOptionsTest {

    @Test
    void defaultsAreTheDocumentedPortsAndDataDirectory() {
        Main.Options options = Main.Options.parse(new ArrayDeque<>());
        assertEquals(9092, options.settings().kafkaPort());
        assertEquals(9200, options.settings().elasticsearchPort());
        assertEquals(3, options.settings().partitions());
        assertEquals(StackSettings.DEFAULT_DATA_DIR, options.settings().dataDir());
        assertEquals(Path.of("..", "shared", "corpus"), options.corpus());
        assertEquals(Topics.ALL, options.settings().topics());
    }

    @Test
    void portsPartitionsDataDirectoryAndCorpusCanBeChosen() {
        Main.Options options = Main.Options.parse(new ArrayDeque<>(List.of("--kafka-port", "19092", "--es-port", "19200",
                "--partitions", "6", "--data-dir", "/var/tmp/elsewhere", "--no-corpus", "--wipe")));
        assertEquals(19092, options.settings().kafkaPort());
        assertEquals(19200, options.settings().elasticsearchPort());
        assertEquals(6, options.settings().partitions());
        assertEquals(Path.of("/var/tmp/elsewhere"), options.settings().dataDir());
        assertNull(options.corpus());
        assertTrue(options.wipe());
    }

    @Test
    void aMistypedOptionIsRefusedWithItsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new ArrayDeque<>(List.of("--kafka-prot", "1"))));
        assertTrue(e.getMessage().contains("--kafka-prot"));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new ArrayDeque<>(List.of("--partitions", "many"))));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new ArrayDeque<>(List.of("--partitions", "0"))));
    }

    @Test
    void freePortsArePickedWhenZeroIsAsked() {
        int port = StackSettings.resolvePort(0);
        assertTrue(port > 0);
        assertEquals(4242, StackSettings.resolvePort(4242));
    }
}
