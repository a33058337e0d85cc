using System.Text;

namespace BioCluster.Api.Features.Imports;

/// <summary>
/// Reads RFC 4180 records from text as a stream: comma-separated, fields in double quotes may hold
/// commas, quotes (doubled) and line breaks; CRLF, LF or CR end a record. A quote inside an unquoted
/// field is kept as text, the way spreadsheets read it.
/// </summary>
public sealed class CsvRecords(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private readonly StringBuilder _field = new();

    private async ValueTask<int> PeekAsync()
    {
        if (_position < _length) return _buffer[_position];
        _length = await reader.ReadAsync(_buffer.AsMemory());
        _position = 0;
        return _length == 0 ? -1 : _buffer[0];
    }

    /// <summary>The next record's fields, or null at the end of the text.</summary>
    public async ValueTask<List<string>?> ReadAsync()
    {
        if (await PeekAsync() < 0) return null;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;      // inside a quoted field
        var wasQuoted = false;   // the current field started with a quote
        while (true)
        {
            var next = await PeekAsync();
            if (next < 0)
            {
                fields.Add(_field.ToString());
                return fields;
            }
            var c = (char)next;
            _position++;
            if (quoted)
            {
                if (c == '"')
                {
                    if (await PeekAsync() == '"') { _field.Append('"'); _position++; }
                    else quoted = false;
                }
                else _field.Append(c);
                continue;
            }
            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    if (await PeekAsync() == '\n') _position++;
                    fields.Add(_field.ToString());
                    return fields;
                case '\n':
                    fields.Add(_field.ToString());
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
