import { generateKeyPairSync } from "node:crypto";

/** The installation every fake delivery names. */
export const INSTALLATION = 4242;
export const SECRET = "webhook-secret-for-tests";

// A key made for this run only: never a real App's key in the repository.
export const { privateKey: TEST_PRIVATE_KEY } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
