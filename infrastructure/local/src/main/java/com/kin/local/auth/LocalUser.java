package com.kin.local.auth;

import java.util.UUID;

/** A user the local identity provider issues tokens for; {@code id} is the users.id row and the token's sub. */
public record LocalUser(UUID id, String email, String name, String role, String department) {
}
