using System.Text.RegularExpressions;
using FluentValidation;

namespace BioCluster.Api.Infrastructure.Http;

/// <summary>Rules every registry record shares, so each is worded and enforced once.</summary>
public static partial class CommonRules
{
    public const string CodePattern = "^[a-z][a-z0-9-]{1,39}$";

    [GeneratedRegex(CodePattern)]
    private static partial Regex Code();

    [GeneratedRegex(@"\p{Cc}")]
    private static partial Regex ControlCharacter();

    [GeneratedRegex(@"\p{IsHangulSyllables}|\p{IsHangulJamo}|\p{IsHangulCompatibilityJamo}")]
    private static partial Regex Hangul();

    /// <summary>
    /// One of the enum's named values: what FluentValidation's IsInEnum checks, with its message, but without the
    /// reflection IsInEnum does on every call (a custom-attribute lookup and a boxed Enum.IsDefined, ~200 bytes each):
    /// an import of 100,000 agencies checks two enums per row.
    /// </summary>
    public static IRuleBuilderOptions<T, TEnum> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum> rule) where TEnum : struct, Enum =>
        rule.Must(v => Enum.IsDefined(v)).WithMessage(EnumMessage);

    /// <inheritdoc cref="DefinedEnum{T, TEnum}(IRuleBuilder{T, TEnum})"/>
    public static IRuleBuilderOptions<T, TEnum?> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum =>
        rule.Must(v => v is not { } e || Enum.IsDefined(e)).WithMessage(EnumMessage);

    private const string EnumMessage = "'{PropertyName}' has a range of values which does not include '{PropertyValue}'.";

    public static IRuleBuilderOptions<T, string> RegistryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("A code is required.")
            .Matches(Code()).WithMessage("A code is 2–40 characters: lower-case letters, digits and '-', starting with a letter (e.g. 'osong').");

    /// <summary>
    /// A new agency's or cluster's code may not be <c>new</c>: the dashboard's registration pages live at
    /// <c>/agencies/new</c> and <c>/clusters/new</c>, so such a record could not be opened there.
    /// </summary>
    public static IRuleBuilderOptions<T, string> NotReservedCode<T>(this IRuleBuilderOptions<T, string> rule) =>
        rule.NotEqual("new").WithMessage(_ => Text.Of("코드 'new'는 등록 화면의 주소에 쓰이므로 쓸 수 없습니다.",
            "The code 'new' is reserved: it is the address of the dashboard's registration page."));

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$")]
    private static partial Regex UsernamePattern();

    public static IRuleBuilderOptions<T, string> Username<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("A username is required.")
            .Matches(UsernamePattern()).WithMessage("A username is 3–64 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter.");

    public static IRuleBuilderOptions<T, string> KoreanName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("The Korean name is required.")
            .MaximumLength(200)
            .Must(s => s is null || s.Trim() == s).WithMessage("Remove spaces at the start and end.")
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage("Control characters are not allowed.")
            .Must(s => s is null || Hangul().IsMatch(s)).WithMessage("The Korean name must contain Hangul.");

    public static IRuleBuilderOptions<T, string?> OptionalName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(200)
            .Must(s => s is null || (s.Length > 0 && s.Trim() == s)).WithMessage("Leave it out or give a name without spaces at the start and end.")
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage("Control characters are not allowed.");

    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage("Control characters are not allowed.");

    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(500)
            .Must(s => s is null || (Uri.TryCreate(s, UriKind.Absolute, out var uri)
                                     && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                     && !string.IsNullOrEmpty(uri.Host)))
            .WithMessage("The website must be an absolute http or https address.");
}
