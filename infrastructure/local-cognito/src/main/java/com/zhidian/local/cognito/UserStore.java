package com.zhidian.local.cognito;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zhidian.local.aws.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The users of the one local pool, in memory, optionally written through to a JSON file (whole file,
 * atomically replaced, on each change). Callers hold the store's monitor for compound operations.
 */
final class UserStore {
    private final Path file;
    private final boolean caseSensitive;
    private final Map<String, User> byKey = new LinkedHashMap<>();

    UserStore(Path file, boolean caseSensitive) {
        this.file = file;
        this.caseSensitive = caseSensitive;
        if (file != null && Files.isRegularFile(file)) {
            try {
                List<User> users = Json.MAPPER.readValue(file.toFile(), new TypeReference<List<User>>() {});
                users.forEach(u -> byKey.put(key(u.username), u));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private String key(String username) {
        return caseSensitive ? username : username.toLowerCase(Locale.ROOT);
    }

    synchronized Optional<User> byUsername(String username) {
        return Optional.ofNullable(byKey.get(key(username)));
    }

    /** By username, or by an alias attribute (email, phone_number) when the pool allows it. */
    synchronized Optional<User> find(String name, List<String> aliasAttributes) {
        if (name == null) return Optional.empty();
        User u = byKey.get(key(name));
        if (u != null) return Optional.of(u);
        for (String attr : aliasAttributes) {
            for (User c : byKey.values()) {
                String v = c.attributes.get(attr);
                if (v != null && (attr.equals("email") ? v.equalsIgnoreCase(name) : v.equals(name))) return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    synchronized Optional<User> byRefreshToken(String token) {
        for (User u : byKey.values()) if (u.refreshTokens.contains(token)) return Optional.of(u);
        return Optional.empty();
    }

    synchronized void put(User u) {
        byKey.put(key(u.username), u);
        save();
    }

    synchronized void remove(User u) {
        byKey.remove(key(u.username));
        save();
    }

    synchronized List<User> all() {
        return new ArrayList<>(byKey.values());
    }

    /** Writes the file after a change of a user obtained from this store. */
    synchronized void save() {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new ArrayList<>(byKey.values()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
