package com.fniexchange.local.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The partner's own access to its Blob storage account (Azurite locally), on the Blob service's
 * REST API with Shared Key authorisation: the partner creates the container it receives files in
 * (batch-export-service writes into a container, it never creates one) and lists and downloads
 * what arrived. Plain HTTP rather than the Azure SDK, which would bring its Netty and Reactor onto
 * the launcher's class path, the one the broker process also runs on, for three calls.
 */
final class BlobPickup {

    private static final String VERSION = "2021-12-02";
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    /** A blob in the container. */
    record StoredBlob(String name, long size) {
    }

    private final String account;
    private final byte[] key;
    /** The account's Blob endpoint, e.g. {@code http://127.0.0.1:10000/devstoreaccount1} (Azurite's path style). */
    private final URI endpoint;
    private final HttpClient http;

    private BlobPickup(String account, byte[] key, URI endpoint, HttpClient http) {
        this.account = account;
        this.key = key;
        this.endpoint = endpoint;
        this.http = http;
    }

    /** From a storage connection string ({@code AccountName}, {@code AccountKey}, {@code BlobEndpoint} or the protocol and suffix). */
    static BlobPickup of(String connectionString, HttpClient http) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String part : connectionString.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                settings.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String account = settings.get("AccountName");
        String key = settings.get("AccountKey");
        if (account == null || key == null) {
            throw new IllegalArgumentException("the connection string names no AccountName and AccountKey");
        }
        String endpoint = settings.getOrDefault("BlobEndpoint", settings.getOrDefault("DefaultEndpointsProtocol", "https") + "://"
                + account + ".blob." + settings.getOrDefault("EndpointSuffix", "core.windows.net"));
        return new BlobPickup(account, Base64.getDecoder().decode(key), URI.create(endpoint.replaceAll("/+$", "")), http);
    }

    /** Creates the container; true when created, false when it was there already. */
    boolean createContainer(String container) throws IOException {
        HttpResponse<byte[]> response = send("PUT", container, null, Map.of("restype", "container"));
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 409) {
            return false; // ContainerAlreadyExists: an earlier run made it
        }
        throw failure("create container " + container, response);
    }

    /** The blobs whose names start with the prefix, by name. */
    List<StoredBlob> list(String container, String prefix) throws IOException {
        HttpResponse<byte[]> response = send("GET", container, null, Map.of("restype", "container", "comp", "list", "prefix", prefix));
        if (response.statusCode() != 200) {
            throw failure("list " + container + "/" + prefix, response);
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList blobs = factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body())).getElementsByTagName("Blob");
            List<StoredBlob> found = new ArrayList<>();
            for (int i = 0; i < blobs.getLength(); i++) {
                Element blob = (Element) blobs.item(i);
                String size = text(blob, "Content-Length");
                found.add(new StoredBlob(text(blob, "Name"), size.isEmpty() ? -1 : Long.parseLong(size)));
            }
            return found;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the container listing is not the Blob service's XML", e);
        }
    }

    byte[] download(String container, String name) throws IOException {
        HttpResponse<byte[]> response = send("GET", container, name, Map.of());
        if (response.statusCode() != 200) {
            throw failure("get " + container + "/" + name, response);
        }
        return response.body();
    }

    private HttpResponse<byte[]> send(String method, String container, String blob, Map<String, String> query) throws IOException {
        String path = endpoint.getPath() + "/" + container + (blob == null ? "" : "/" + blob);
        if (!path.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException("a blob path with characters to escape, which this client does not sign: " + path);
        }
        Map<String, String> sorted = new TreeMap<>(query);
        String queryString = sorted.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path
                + (queryString.isEmpty() ? "" : "?" + queryString));
        String date = RFC_1123.format(ZonedDateTime.now(ZoneOffset.UTC));
        // Shared Key: the verb, eleven standard headers (all empty here: no body, no conditions), the
        // x-ms- headers sorted, then /account/path and the query parameters sorted, one per line
        StringBuilder toSign = new StringBuilder(method).append('\n');
        toSign.append("\n".repeat(11));
        toSign.append("x-ms-date:").append(date).append('\n').append("x-ms-version:").append(VERSION).append('\n');
        toSign.append('/').append(account).append(path);
        sorted.forEach((name, value) -> toSign.append('\n').append(name.toLowerCase(Locale.ROOT)).append(':').append(value));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("x-ms-date", date)
                .header("x-ms-version", VERSION)
                .header("Authorization", "SharedKey " + account + ":" + sign(toSign.toString()))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
    }

    private static IOException failure(String what, HttpResponse<byte[]> response) {
        return new IOException(what + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
}
