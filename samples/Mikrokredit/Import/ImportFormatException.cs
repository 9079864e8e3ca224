namespace Mikrokredit.Import;

/// <summary>An import file that cannot be read: the message says where (line, field) and what was expected.</summary>
internal sealed class ImportFormatException(string message, Exception? innerException = null) : Exception(message, innerException);
