using System.Buffers;
using System.Text;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Reads RFC 4180 records from text as a stream: comma-separated, fields in double quotes may hold
/// commas, quotes (doubled) and line breaks; CRLF, LF or CR end a record. A quote inside an unquoted
/// field is kept as text, the way spreadsheets read it. Reads synchronously: it is given the import's
/// local spool file, never a network stream. Nothing is buffered past <see cref="ImportFile.MaxCellChars"/> a field,
/// <see cref="ImportFile.MaxCells"/> fields or <see cref="ImportFile.MaxRowChars"/> a record: a file that goes past
/// them is refused as it is read (a 60 MB field or a million-cell row once took the process to 1.6 GB).
/// </summary>
public sealed class CsvRecords(TextReader reader)
{
    private int _records;
    private int _recordChars;

    private void Added()
    {
        if (_field.Length > ImportFile.MaxCellChars) throw ImportFile.CellTooLong(_records + 1);
        if (_recordChars + _field.Length > ImportFile.MaxRowChars) throw ImportFile.RowTooLarge(_records + 1);
    }

    private void EndField(List<string> fields)
    {
        fields.Add(_field.ToString());
        _recordChars += _field.Length;
        _field.Clear();
        if (fields.Count > ImportFile.MaxCells) throw ImportFile.TooManyCells(_records + 1);
    }

    private static readonly SearchValues<char> Stops = SearchValues.Create(",\r\n\"");
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private readonly StringBuilder _field = new();

    private int Peek()
    {
        if (_position < _length) return _buffer[_position];
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length == 0 ? -1 : _buffer[0];
    }

    /// <summary>The next record's fields, or null at the end of the text.</summary>
    public List<string>? Read()
    {
        if (Peek() < 0) return null;
        var fields = new List<string>();
        _field.Clear();
        _recordChars = 0;
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field started with a quote
        while (true)
        {
            if (_position >= _length && Peek() < 0)
            {
                EndField(fields);
                _records++;
                return fields;
            }
            if (!quoted)
            {
                // The common case: plain text up to the next comma, line break or quote, copied in one go.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var stop = rest.IndexOfAny(Stops);
                if (stop < 0)
                {
                    _field.Append(rest);
                    _position = _length;
                    Added();
                    continue;
                }
                _field.Append(rest[..stop]);
                _position += stop;
                Added();
            }
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"') { _field.Append('"'); _position++; }
                    else quoted = false;
                }
                else
                {
                    _field.Append(c);
                    if ((_field.Length & 1023) == 0) Added(); // a long quoted field is checked as it grows
                }
                continue;
            }
            switch (c)
            {
                case ',':
                    Added();
                    EndField(fields);
                    wasQuoted = false;
                    break;
                case '\r':
                    if (Peek() == '\n') _position++;
                    Added();
                    EndField(fields);
                    _records++;
                    return fields;
                case '\n':
                    Added();
                    EndField(fields);
                    _records++;
                    return fields;
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = wasQuoted = true;
                    break;
                default:
                    _field.Append(c);
                    break;
            }
        }
    }
}
