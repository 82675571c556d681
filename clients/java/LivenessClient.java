// A SenseID client in the manual's own language: encrypt a video with AES/GCM/NoPadding, post it, print the answer.
//   java LivenessClient.java http://127.0.0.1:8080 selfie.mp4
//   java LivenessClient.java --test-vector        (prints the manual's test vector: 7EWZ/NONkYfOjH/m+K3KKsDO4CZ/)
// Key and IV from PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV, else the manual's published defaults. Java 11 or later.
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

public final class LivenessClient {
    private static final String ROUTE = "/liveness/silent_detection/stateless";

    /** AES-256-GCM, key and IV as UTF-8, the 128-bit tag appended (what AES/GCM/NoPadding outputs), Base64. */
    static String encrypt(byte[] video, String key, String iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE,
                new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"),
                new GCMParameterSpec(128, iv.getBytes(StandardCharsets.UTF_8)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(video));
    }

    private static String form(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        String key = System.getenv().getOrDefault("PARAM_DECRYPT_KEY", "dcbbad6765e14139a07d34b92292a672");
        String iv = System.getenv().getOrDefault("PARAM_DECRYPT_IV", "df25d188a061");
        if (args.length == 1 && args[0].equals("--test-vector")) {
            System.out.println(encrypt("hello".getBytes(StandardCharsets.UTF_8), key, iv));
            return;
        }
        if (args.length != 2) {
            System.err.println("usage: java LivenessClient.java URL VIDEO | --test-vector");
            System.exit(2);
        }

        String body = String.join("&",
                form("encrypted_video", encrypt(Files.readAllBytes(Path.of(args[1])), key, iv)),
                form("return_status", "true"),
                form("return_image", "false"),
                form("return_face_image", "false"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(args[0].replaceAll("/+$", "") + ROUTE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.body());
        System.exit(response.statusCode() == 200 ? 0 : 2);
    }
}
