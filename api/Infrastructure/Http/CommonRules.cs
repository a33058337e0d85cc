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
        rule.Must(v => Enum.IsDefined(v)).WithMessage(_ => EnumMessage());

    /// <inheritdoc cref="DefinedEnum{T, TEnum}(IRuleBuilder{T, TEnum})"/>
    public static IRuleBuilderOptions<T, TEnum?> DefinedEnum<T, TEnum>(this IRuleBuilder<T, TEnum?> rule) where TEnum : struct, Enum =>
        rule.Must(v => v is not { } e || Enum.IsDefined(e)).WithMessage(_ => EnumMessage());

    /// <summary>
    /// Names a rule that reads a computed value (not a property) as its JSON field, and as a person reads that field
    /// (<see cref="FieldLabels"/>) in the request's language.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> Field<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string name) =>
        rule.OverridePropertyName(name).WithName(_ => FieldLabels.Of(name));

    /// <summary>IsInEnum's own message, in the request's language as FluentValidation's built-in messages are.</summary>
    private static string EnumMessage() => ValidatorOptions.Global.LanguageManager.GetString("EnumValidator");

    public static IRuleBuilderOptions<T, string> RegistryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => Text.Of("코드를 입력하십시오.", "A code is required."))
            .Matches(Code()).WithMessage(_ => Text.Of("코드는 영문 소문자로 시작하는 2–40자의 영문 소문자, 숫자, '-'입니다(예: 'osong').",
                "A code is 2–40 characters: lower-case letters, digits and '-', starting with a letter (e.g. 'osong')."));

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
        rule.NotEmpty().WithMessage(_ => Text.Of("사용자 이름을 입력하십시오.", "A username is required."))
            .Matches(UsernamePattern()).WithMessage(_ => Text.Of("사용자 이름은 영문 소문자로 시작하는 3–64자의 영문 소문자, 숫자, '.', '_', '-'입니다.",
                "A username is 3–64 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter."));

    public static IRuleBuilderOptions<T, string> KoreanName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => Text.Of("한글 이름을 입력하십시오.", "The Korean name is required."))
            .MaximumLength(200)
            .Must(s => s is null || s.Trim() == s).WithMessage(_ => Text.Of("앞뒤 공백을 지우십시오.", "Remove spaces at the start and end."))
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage(_ => ControlCharacters())
            .Must(s => s is null || Hangul().IsMatch(s)).WithMessage(_ => Text.Of("한글 이름에는 한글이 있어야 합니다.", "The Korean name must contain Hangul."));

    public static IRuleBuilderOptions<T, string?> OptionalName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(200)
            .Must(s => s is null || (s.Length > 0 && s.Trim() == s)).WithMessage(_ => Text.Of("비워 두거나 앞뒤 공백 없이 이름을 입력하십시오.",
                "Leave it out or give a name without spaces at the start and end."))
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage(_ => ControlCharacters());

    public static IRuleBuilderOptions<T, string?> ShortText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max)
            .Must(s => s is null || !ControlCharacter().IsMatch(s)).WithMessage(_ => ControlCharacters());

    /// <summary>The one sentence for a control character where text is expected, in the request's language.</summary>
    public static string ControlCharacters() => Text.Of("제어 문자는 쓸 수 없습니다.", "Control characters are not allowed.");

    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(500)
            .Must(s => s is null || (Uri.TryCreate(s, UriKind.Absolute, out var uri)
                                     && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
                                     && !string.IsNullOrEmpty(uri.Host)))
            .WithMessage(_ => Text.Of("웹사이트는 http 또는 https로 시작하는 전체 주소여야 합니다.", "The website must be an absolute http or https address."));
}
