import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Authoring-time generator of encrypted.docx (transcript.docx with the password "secret"); see README.md. */
public class MakeEncryptedDocx {
    public static void main(String[] args) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                Files.copy(Path.of("transcript.docx"), out);
            }
            try (FileOutputStream file = new FileOutputStream(new File("encrypted.docx"))) {
                fs.writeFilesystem(file);
            }
        }
    }
}
