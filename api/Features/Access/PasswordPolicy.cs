namespace BioCluster.Api.Features.Access;

/// <summary>
/// Passwords: at least 12 characters with three of lower case, upper case, digits and symbols (or at
/// least 16 characters of anything), not containing the username, and not a well-known password.
/// </summary>
public static class PasswordPolicy
{
    public const string Description =
        "At least 12 characters using three of: lower case, upper case, digits, symbols (or 16+ characters of any kind); not containing the username; not a common password.";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password123!", "passw0rd1234", "qwerty123456", "123456789012", "admin1234567",
        "changeme1234", "welcome12345", "iloveyou1234", "p@ssw0rd1234", "Password1234!", "Qwerty12345!",
    };

    public static string? Check(string? password, string? username)
    {
        if (string.IsNullOrEmpty(password)) return "A password is required.";
        if (password.Length > 128) return "At most 128 characters.";
        if (password.Any(char.IsControl)) return "Control characters are not allowed.";
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (password.Length < 12 || (password.Length < 16 && classes < 3)) return Description;
        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
            return "The password must not contain the username.";
        if (Common.Contains(password)) return "This password is too common.";
        return null;
    }
}
