using System.Buffers;
using System.Text;

namespace PgSeq.Cli.Output;

/// <summary>
/// A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>, so that System.Text.Json can write a large
/// document to standard output (or a test's writer) piece by piece instead of building it as one string.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = ArrayPool<char>.Shared.Rent(_decoder.GetCharCount(buffer, flush: false));
        try
        {
            writer.Write(chars, 0, _decoder.GetChars(buffer, chars, flush: false));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
