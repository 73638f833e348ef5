namespace MediaGen.Core.Providers.Validation;

/// <summary>
/// One broken rule of a request: the field by its JSON name as the provider documents it (with a path for
/// nested fields, e.g. <c>image_size.width</c> or <c>messages[1].role</c>), a stable rule code, and a message for people.
/// </summary>
/// <param name="Field">JSON path of the field, e.g. <c>num_frames</c>.</param>
/// <param name="Rule">Rule code: <c>required</c>, <c>length</c>, <c>range</c>, <c>one_of</c>, <c>max_items</c>, <c>url</c>, <c>not_supported</c>, <c>exactly_one</c>, <c>requires</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ValidationError(string Field, string Rule, string Message);
