package org.mentorbot.archive;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The raw store's codec: Lucene's own, with stored fields kept uncompressed. Compressing every raw message
 * with LZ4 was a tenth of an import's CPU, for a store that is read one message at a time, when a mentor
 * opens it. Public with a no-argument constructor because Lucene finds codecs by name (META-INF/services)
 * when it opens a segment.
 */
public final class RawCodec extends FilterCodec {

    static final String NAME = "MentorbotRaw";

    private static final CompressionMode UNCOMPRESSED = new CompressionMode() {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Copy();
        }
    };

    /** Reads the stored bytes up to the end of the wanted range; a chunk's reader seeks before each read. */
    private static final class Copy extends Decompressor {
        @Override
        public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes) throws IOException {
            bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, offset + length);
            in.readBytes(bytes.bytes, 0, offset + length);
            bytes.offset = offset;
            bytes.length = length;
        }

        @Override
        public Decompressor clone() {
            return new Copy();
        }
    }

    private final StoredFieldsFormat storedFields =
            new Lucene90CompressingStoredFieldsFormat("MentorbotRawStoredFields", UNCOMPRESSED, 16 * 1024, 128, 10);

    public RawCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
