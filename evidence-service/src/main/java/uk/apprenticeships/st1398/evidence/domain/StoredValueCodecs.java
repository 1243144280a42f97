package uk.apprenticeships.st1398.evidence.domain;

import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecProvider;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * Stores every {@link StoredValue} enum as its string value, so that documents keep the strings they always had
 * ({@code referred-back}, not {@code REFERRED_BACK}). Registered by quarkus-mongodb-client, which picks up every
 * {@link CodecProvider} of the application; the POJO codec asks the registry for enum properties first.
 */
public class StoredValueCodecs implements CodecProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> Codec<T> get(Class<T> clazz, CodecRegistry registry) {
        if (clazz.isEnum() && StoredValue.class.isAssignableFrom(clazz)) {
            return (Codec<T>) new ValueCodec(clazz);
        }
        return null;
    }

    private static final class ValueCodec<E extends Enum<E> & StoredValue> implements Codec<E> {

        private final Class<E> type;

        ValueCodec(Class<E> type) {
            this.type = type;
        }

        @Override
        public void encode(BsonWriter writer, E value, EncoderContext context) {
            writer.writeString(value.value());
        }

        @Override
        public E decode(BsonReader reader, DecoderContext context) {
            return StoredValue.parse(type, reader.readString());
        }

        @Override
        public Class<E> getEncoderClass() {
            return type;
        }
    }
}
