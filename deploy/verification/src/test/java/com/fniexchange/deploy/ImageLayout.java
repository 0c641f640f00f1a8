package com.fniexchange.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A container image as {@code docker save} (and Jib's buildTar) writes it: manifest.json, the
 * config and the layers, each a gzipped tar. Read with the JDK alone, as a registry or a scanner
 * would read it.
 */
record ImageLayout(JsonNode config, List<Layer> layers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A layer: what Jib says it holds (its history comment) and its files by path. */
    record Layer(String comment, Map<String, byte[]> files) {
    }

    static ImageLayout read(Path tar) throws IOException {
        Map<String, byte[]> entries = Tar.entries(Files.newInputStream(tar));
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText()));
        List<String> comments = new ArrayList<>();
        // history lists the layers in order; entries with empty_layer have none
        for (JsonNode h : config.path("history")) {
            if (!h.path("empty_layer").asBoolean(false)) {
                comments.add(h.path("comment").asText());
            }
        }
        List<Layer> layers = new ArrayList<>();
        JsonNode names = manifest.get("Layers");
        for (int i = 0; i < names.size(); i++) {
            byte[] gz = entries.get(names.get(i).asText());
            Map<String, byte[]> files = Tar.entries(new GZIPInputStream(new ByteArrayInputStream(gz)));
            layers.add(new Layer(i < comments.size() ? comments.get(i) : "", files));
        }
        return new ImageLayout(config.get("config"), layers);
    }

    /** The file at an absolute path in the image, from the topmost layer that has it. */
    byte[] file(String absolutePath) {
        String key = absolutePath.substring(1);
        for (int i = layers.size() - 1; i >= 0; i--) {
            byte[] content = layers.get(i).files().get(key);
            if (content != null) {
                return content;
            }
        }
        return null;
    }

    /** A minimal ustar/GNU/PAX tar reader: regular files by name, directories skipped. */
    static final class Tar {

        private Tar() {
        }

        static Map<String, byte[]> entries(InputStream raw) throws IOException {
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (InputStream in = raw) {
                byte[] header = new byte[512];
                String longName = null;
                while (in.readNBytes(header, 0, 512) == 512) {
                    if (isZero(header)) {
                        break;
                    }
                    String name = text(header, 0, 100);
                    String prefix = text(header, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                    long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                    char type = (char) header[156];
                    byte[] body = in.readNBytes((int) size);
                    in.skipNBytes((512 - size % 512) % 512);
                    if (type == 'L') {
                        longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                        continue;
                    }
                    if (type == 'x') {
                        String path = paxPath(body);
                        if (path != null) {
                            longName = path;
                        }
                        continue;
                    }
                    if (type == 'g') {
                        continue;
                    }
                    if (longName != null) {
                        name = longName;
                        longName = null;
                    }
                    if (type == '0' || type == '\0') {
                        files.put(name.startsWith("./") ? name.substring(2) : name, body);
                    }
                }
            }
            return files;
        }

        private static String paxPath(byte[] body) {
            for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    return record.substring(space + 6);
                }
            }
            return null;
        }

        private static String text(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.UTF_8);
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
