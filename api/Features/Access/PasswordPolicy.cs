using BioCluster.Api.Infrastructure.Http;

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
        if (string.IsNullOrEmpty(password)) return Text.Of("비밀번호를 입력하십시오.", "A password is required.");
        if (password.Length > 128) return Text.Of("128자 이하로 입력하십시오.", "At most 128 characters.");
        if (password.Any(char.IsControl)) return CommonRules.ControlCharacters();
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit),
            password.Any(c => !char.IsLetterOrDigit(c)) }.Count(x => x);
        if (password.Length < 12 || (password.Length < 16 && classes < 3)) return Text.Of(
            "비밀번호는 영문 소문자, 영문 대문자, 숫자, 기호 중 세 가지를 섞어 12자 이상(또는 종류와 관계없이 16자 이상)이어야 하며, 사용자 이름이 들어가거나 흔히 쓰이는 비밀번호여서는 안 됩니다.",
            Description);
        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
            return Text.Of("비밀번호에 사용자 이름이 들어가면 안 됩니다.", "The password must not contain the username.");
        if (Common.Contains(password)) return Text.Of("너무 흔히 쓰이는 비밀번호입니다.", "This password is too common.");
        return null;
    }
}
