package org.civictaskforce.devstack;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;

/**
 * Prints an access token for a devstack account, for trying the API with curl:
 * {@code TOKEN=$(./sign-in.sh coordinator)}. It signs in at the identity service exactly as the gateway
 * does (authorization code + PKCE) with the devstack's generated client secret. The password comes from
 * {@code CIVIC_PASSWORD}, or is asked for; the bootstrap coordinator's is taken from the data folder.
 */
public final class SignInMain {
    private SignInMain() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String username = args.length > 0 ? args[0] : DevstackSecrets.BOOTSTRAP_USERNAME;
        Path data = Path.of(env.getOrDefault("DEVSTACK_DATA_DIR", ".devstack-data")).toAbsolutePath();
        DevstackSecrets secrets = DevstackSecrets.in(data);
        String password = env.get("CIVIC_PASSWORD");
        if (password == null && username.equals(DevstackSecrets.BOOTSTRAP_USERNAME)) {
            password = secrets.bootstrapPassword();
        }
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                System.err.println("set CIVIC_PASSWORD or run in a terminal");
                System.exit(2);
            }
            password = new String(console.readPassword("password for %s: ", username));
        }
        String identity = env.getOrDefault("IDENTITY_URL", "http://localhost:9000");
        String gateway = env.getOrDefault("GATEWAY_URL", "http://localhost:8080");
        try {
            SignIn.Tokens tokens = new SignIn(new SignIn.Client(identity, "civic-gateway",
                    secrets.gatewayClientSecret(), gateway + "/login/oauth2/code/civic")).signIn(username, password);
            System.out.println(tokens.accessToken());
        } catch (RuntimeException e) {
            System.err.println("sign-in failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
