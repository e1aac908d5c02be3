package dev.dockerhubmcp.testkit.registry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * An RSA key pair and a self-signed X.509 v3 certificate (CA, sha256WithRSA), built with the JDK alone: the DER is
 * written by hand, the JDK signs it and parses the result back. The registry trusts the certificate through its
 * {@code rootcertbundle}; the token server puts it in each JWT's {@code x5c} header.
 */
public final class SelfSignedCertificate {
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** A 2048-bit RSA key and a certificate for {@code CN=<commonName>} valid from an hour ago for a day. */
    public static SelfSignedCertificate generate(String commonName) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair kp = g.generateKeyPair();
            Instant now = Instant.now();
            byte[] algId = seq(oid(1, 2, 840, 113549, 1, 1, 11), new byte[] {0x05, 0x00});
            byte[] name = seq(set(seq(oid(2, 5, 4, 3), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
            byte[] validity = seq(utcTime(now.minusSeconds(3600)), utcTime(now.plusSeconds(86400)));
            byte[] basicConstraints = seq(oid(2, 5, 29, 19), new byte[] {0x01, 0x01, (byte) 0xff},
                tlv(0x04, seq(new byte[] {0x01, 0x01, (byte) 0xff})));
            byte[] keyUsage = seq(oid(2, 5, 29, 15), new byte[] {0x01, 0x01, (byte) 0xff},
                tlv(0x04, new byte[] {0x03, 0x02, 0x02, (byte) 0x84}));
            byte[] extensions = tlv(0xa3, seq(basicConstraints, keyUsage));
            BigInteger serial = new BigInteger(63, new SecureRandom()).add(BigInteger.ONE);
            byte[] tbs = seq(tlv(0xa0, tlv(0x02, new byte[] {2})), tlv(0x02, serial.toByteArray()), algId, name,
                validity, name, kp.getPublic().getEncoded(), extensions);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(kp.getPrivate());
            s.update(tbs);
            byte[] sig = s.sign();
            byte[] bits = new byte[sig.length + 1];
            System.arraycopy(sig, 0, bits, 1, sig.length);
            byte[] der = seq(tbs, algId, tlv(0x03, bits));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
            cert.verify(kp.getPublic());
            return new SelfSignedCertificate(kp, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a self-signed certificate", e);
        }
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** DER, base64 (standard alphabet): what {@code x5c} holds. */
    public String derBase64() {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM, for the registry's {@code rootcertbundle}. */
    public String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- DER ---------------------------------------------------------------------------------------------------

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            byte[] l = BigInteger.valueOf(len).toByteArray();
            int start = l[0] == 0 ? 1 : 0;
            out.write(0x80 | (l.length - start));
            out.write(l, start, l.length - start);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] seq(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    static byte[] set(byte[]... parts) {
        return tlv(0x31, concat(parts));
    }

    static byte[] oid(int... arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int v = arcs[i];
            byte[] tmp = new byte[5];
            int n = 0;
            do {
                tmp[n++] = (byte) (v & 0x7f);
                v >>>= 7;
            } while (v != 0);
            for (int j = n - 1; j >= 0; j--) {
                out.write(tmp[j] | (j > 0 ? 0x80 : 0));
            }
        }
        return tlv(0x06, out.toByteArray());
    }

    static byte[] utcTime(Instant t) {
        String s = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC).format(t);
        return tlv(0x17, s.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
